package org.targetwatch.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.targetwatch.eventfile.AlertFieldMapping;
import org.targetwatch.registry.SchemaRegistryClient;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.ReviewVerdict;
import org.targetwatch.schema.Verdict;
import org.targetwatch.topology.DetectorConfig;

/**
 * The investigation console: pages, scripts and a JSON API on one port of the running instance
 * ({@code console.host}:{@code console.port}), each request authenticated by {@link ConsoleAuth}.
 *
 * <ul>
 *   <li>{@code /} the alert queue, live through {@code /api/events} (server-sent events);
 *   <li>{@code /alert.html?id=} an alert: reasons, timeline, evidence graph ({@code /api/alerts/{id}/graph.svg}), buttons;
 *   <li>{@code /account.html?id=} an account lookup ({@code /api/accounts/{id}}, Interactive Queries, audited);
 *   <li>{@code POST /api/verdicts} a verdict ({@code review_verdict} on the verdicts topic, audited);
 *   <li>{@code /internal/accounts/{id}} the owner's answer to a lookup forwarded by another instance.
 * </ul>
 */
public final class InvestigationConsole implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(InvestigationConsole.class);
  private static final int MAX_EVENT_STREAMS = 64;
  private static final Duration HEARTBEAT = Duration.ofSeconds(15);
  private static final Map<String, String> PAGES = Map.of("/", "index.html", "/index.html", "index.html",
      "/alert.html", "alert.html", "/account.html", "account.html");
  private static final Map<String, String> STATIC_TYPES = Map.of(".js", "text/javascript; charset=utf-8",
      ".css", "text/css; charset=utf-8");

  private final ConsoleSettings settings;
  private final ConsoleAuth auth;
  private final AuditLog audit;
  private final AlertQueue queue;
  private final VerdictWriter verdicts;
  private final AccountLookup lookup;
  private final HttpServer server;
  private final ExecutorService executor;
  private final AtomicInteger eventStreams = new AtomicInteger();
  private volatile boolean closed;

  private InvestigationConsole(ConsoleSettings settings, KafkaStreams streams, DetectorConfig detector,
      Map<String, Object> connection, Map<String, String> kafkaSettings, SchemaRegistryClient registry) {
    this.settings = settings;
    this.auth = new ConsoleAuth(settings);
    this.audit = new AuditLog(settings.auditFile());
    Optional<HostInfo> self = AccountLookup.applicationServer(kafkaSettings);
    this.lookup = new AccountLookup(streams, new AccountStateReader(streams, detector), self,
        settings.instanceAuthorization());
    this.queue = new AlertQueue(connection, detector.alertsTopic(), detector.safety().verdictsTopic(), registry);
    this.verdicts = new VerdictWriter(connection, detector.safety().verdictsTopic(), registry);
    try {
      server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 0);
    } catch (IOException e) {
      close();
      throw new ConsoleStartFailed("cannot open the console on " + settings.host() + ":" + settings.port()
          + " (console.host, console.port): " + e.getMessage());
    }
    executor = Executors.newCachedThreadPool(r -> {
      Thread thread = new Thread(r, "targetwatch-console-http");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /**
   * Starts the console of a running instance.
   *
   * @param connection the Kafka connection and security settings for the console's own consumer and producer
   * @param kafkaSettings the instance's {@code kafka.*} settings ({@code application.server})
   */
  public static InvestigationConsole start(ConsoleSettings settings, KafkaStreams streams, DetectorConfig detector,
      Map<String, Object> connection, Map<String, String> kafkaSettings, SchemaRegistryClient registry) {
    return new InvestigationConsole(settings, streams, detector, connection, kafkaSettings, registry);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The URL a person opens, with the token when there is one (the demo prints it). */
  public String url() {
    String host = settings.host().equals("0.0.0.0") ? "127.0.0.1" : settings.host();
    return "http://" + host + ":" + port() + "/" + (settings.token() == null ? ""
        : "?token=" + settings.token());
  }

  /** A random token for a console that only this machine's user should open (the demo). */
  public static String randomToken() {
    return ConsoleAuth.randomToken();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      route(exchange);
    } catch (IOException | UncheckedIOException e) {
      // the browser went away: nothing to answer
    } catch (RuntimeException e) {
      LOG.warn("console request {} failed: {}", exchange.getRequestURI().getPath(), e.toString());
      try {
        ConsoleHttp.error(exchange, 500, "the console could not answer this request");
      } catch (IOException | RuntimeException alreadyAnswered) {
        // the response had started
      }
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    Optional<String> reviewer = auth.reviewer(exchange);
    if (reviewer.isEmpty()) {
      String token = ConsoleHttp.query(exchange).get("token");
      Optional<String> byToken = token == null ? Optional.empty() : auth.reviewerForQueryToken(token);
      if (byToken.isPresent() && method.equals("GET") && PAGES.containsKey(path)) {
        // the token leaves the address bar (and the history) at once; the session cookie carries on
        exchange.getResponseHeaders().add("Set-Cookie", auth.startSession(byToken.get()));
        exchange.getResponseHeaders().set("Location", path);
        ConsoleHttp.send(exchange, 303, "text/plain; charset=utf-8", new byte[0]);
        return;
      }
      if (settings.basicUser() != null) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"targetwatch console\", charset=\"UTF-8\"");
      }
      ConsoleHttp.error(exchange, 401, "sign in: open the console URL with its token, or use the configured credentials");
      return;
    }
    String who = reviewer.get();
    if (PAGES.containsKey(path) && method.equals("GET")) {
      resource(exchange, PAGES.get(path), "text/html; charset=utf-8");
    } else if (path.startsWith("/static/") && method.equals("GET")) {
      staticFile(exchange, path.substring("/static/".length()));
    } else if (path.equals("/api/alerts") && method.equals("GET")) {
      ConsoleHttp.json(exchange, 200, queueSnapshot());
    } else if (path.equals("/api/events") && method.equals("GET")) {
      eventStream(exchange);
    } else if (path.startsWith("/api/alerts/") && path.endsWith("/graph.svg") && method.equals("GET")) {
      graph(exchange, who, idBetween(path, "/api/alerts/", "/graph.svg"));
    } else if (path.startsWith("/api/alerts/") && method.equals("GET")) {
      alertDetail(exchange, who, idBetween(path, "/api/alerts/", ""));
    } else if (path.startsWith("/api/accounts/") && method.equals("GET")) {
      accountLookup(exchange, who, idBetween(path, "/api/accounts/", ""));
    } else if (path.equals("/api/verdicts") && method.equals("POST")) {
      verdict(exchange, who);
    } else if (path.startsWith(AccountLookup.INTERNAL_PATH) && method.equals("GET")) {
      internalLookup(exchange, idBetween(path, AccountLookup.INTERNAL_PATH, ""));
    } else {
      ConsoleHttp.error(exchange, 404, "no such page: " + (path.length() > 80 ? path.substring(0, 80) : path));
    }
  }

  private static String idBetween(String path, String prefix, String suffix) {
    String raw = path.substring(prefix.length(), path.length() - suffix.length());
    return URLDecoder.decode(raw, StandardCharsets.UTF_8);
  }

  // ---- pages and files

  private void resource(HttpExchange exchange, String name, String contentType) throws IOException {
    try (InputStream in = InvestigationConsole.class.getResourceAsStream("/console/" + name)) {
      if (in == null) {
        ConsoleHttp.error(exchange, 404, "no such file: " + name);
        return;
      }
      ConsoleHttp.send(exchange, 200, contentType, in.readAllBytes());
    }
  }

  private void staticFile(HttpExchange exchange, String name) throws IOException {
    String type = STATIC_TYPES.entrySet().stream().filter(e -> name.endsWith(e.getKey())).map(Map.Entry::getValue)
        .findFirst().orElse(null);
    if (type == null || !name.matches("[a-z0-9-]+\\.(js|css)")) {
      ConsoleHttp.error(exchange, 404, "no such file");
      return;
    }
    resource(exchange, name, type);
  }

  // ---- the queue

  private Map<String, Object> queueSnapshot() {
    List<Map<String, Object>> rows = new ArrayList<>();
    Map<AlertQueue.ReviewState, Integer> counts = new EnumMap<>(AlertQueue.ReviewState.class);
    for (AlertQueue.ReviewState state : AlertQueue.ReviewState.values()) {
      counts.put(state, 0);
    }
    for (Alert alert : queue.alerts()) {
      AlertQueue.ReviewState state = queue.state(alert.getAccountId());
      counts.merge(state, 1, Integer::sum);
      rows.add(summary(alert, state));
    }
    Map<String, Object> snapshot = new LinkedHashMap<>();
    snapshot.put("alerts", rows);
    Map<String, Integer> shown = new LinkedHashMap<>();
    counts.forEach((state, n) -> shown.put(state.name().toLowerCase(Locale.ROOT), n));
    snapshot.put("counts", shown);
    return snapshot;
  }

  static Map<String, Object> summary(Alert alert, AlertQueue.ReviewState state) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("alertId", alert.getAlertId());
    row.put("accountId", alert.getAccountId());
    row.put("severity", alert.getSeverity().name());
    row.put("score", Math.round(alert.getScore() * 1000) / 1000.0);
    row.put("detectedAt", alert.getDetectedAt().toString());
    row.put("window", alert.getEvidence().getWindow());
    row.put("distinctMinors", alert.getEvidence().getDistinctMinors());
    row.put("campaignId", alert.getCampaignId());
    row.put("state", state.name().toLowerCase(Locale.ROOT));
    return row;
  }

  private void eventStream(HttpExchange exchange) throws IOException {
    if (eventStreams.incrementAndGet() > MAX_EVENT_STREAMS) {
      eventStreams.decrementAndGet();
      ConsoleHttp.error(exchange, 503, "too many open queues on this instance");
      return;
    }
    BlockingQueue<String> pending = new LinkedBlockingQueue<>(10_000);
    Consumer<AlertQueue.Change> listener = change -> {
      if (!pending.offer(event(change))) {
        pending.clear();
        pending.offer("event: reload\ndata: {}\n\n"); // the browser fell behind: it reloads the snapshot
      }
    };
    queue.listen(listener);
    try {
      ConsoleHttp.secureHeaders(exchange.getResponseHeaders());
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
      exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      write(out, "event: snapshot\ndata: " + ConsoleHttp.JSON.writeValueAsString(queueSnapshot()) + "\n\n");
      while (!closed) {
        String next = pending.poll(HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        write(out, next == null ? ": still here\n\n" : next);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      queue.stopListening(listener);
      eventStreams.decrementAndGet();
    }
  }

  private static String event(AlertQueue.Change change) {
    try {
      if (change instanceof AlertQueue.NewAlert added) {
        return "event: alert\ndata: " + ConsoleHttp.JSON.writeValueAsString(summary(added.alert(), added.state())) + "\n\n";
      }
      AlertQueue.NewVerdict verdict = (AlertQueue.NewVerdict) change;
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("accountId", verdict.verdict().getAccountId());
      data.put("state", verdict.state().name().toLowerCase(Locale.ROOT));
      return "event: verdict\ndata: " + ConsoleHttp.JSON.writeValueAsString(data) + "\n\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  // ---- an alert

  private void alertDetail(HttpExchange exchange, String who, String alertId) throws IOException {
    Optional<Alert> found = findAlert(exchange, alertId);
    if (found.isEmpty()) {
      return;
    }
    Alert alert = found.get();
    audit.alertView(who, alert.getAccountId(), alertId);
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("alert", alertJson(alert));
    detail.put("reasons", ReasonWords.of(alert));
    detail.put("state", queue.state(alert.getAccountId()).name().toLowerCase(Locale.ROOT));
    List<Map<String, Object>> campaign = new ArrayList<>();
    if (alert.getCampaignId() != null) {
      for (Alert other : queue.campaign(alert.getCampaignId())) {
        if (!other.getAccountId().equals(alert.getAccountId())) {
          campaign.add(summary(other, queue.state(other.getAccountId())));
        }
      }
    }
    detail.put("campaign", campaign);
    try {
      detail.put("account", lookup.lookup(alert.getAccountId()));
    } catch (AccountLookup.LookupFailed e) {
      detail.put("accountError", e.getMessage());
    }
    ConsoleHttp.json(exchange, 200, detail);
  }

  private void graph(HttpExchange exchange, String who, String alertId) throws IOException {
    Optional<Alert> found = findAlert(exchange, alertId);
    if (found.isEmpty()) {
      return;
    }
    Alert alert = found.get();
    JsonNode state;
    try {
      state = lookup.lookup(alert.getAccountId());
    } catch (AccountLookup.LookupFailed e) {
      ConsoleHttp.error(exchange, e.status, e.getMessage());
      return;
    }
    List<Alert> campaign = alert.getCampaignId() == null ? List.of() : queue.campaign(alert.getCampaignId());
    EvidenceGraph graph = EvidenceGraph.of(alert, state, campaign);
    exchange.getResponseHeaders().set("X-Graph-Nodes", String.valueOf(graph.nodeCount()));
    ConsoleHttp.send(exchange, 200, "image/svg+xml; charset=utf-8", graph.svg().getBytes(StandardCharsets.UTF_8));
  }

  private Optional<Alert> findAlert(HttpExchange exchange, String alertId) throws IOException {
    if (!ConsoleHttp.isOpaqueId(alertId)) {
      ConsoleHttp.error(exchange, 400, "not an alert id");
      return Optional.empty();
    }
    Optional<Alert> alert = queue.alert(alertId);
    if (alert.isEmpty()) {
      ConsoleHttp.error(exchange, 404, "no alert " + alertId + " in the queue");
    }
    return alert;
  }

  private static JsonNode alertJson(Alert alert) {
    StringWriter text = new StringWriter();
    try (var out = ConsoleHttp.JSON.getFactory().createGenerator(text)) {
      AlertFieldMapping.writeAlert(alert, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      return ConsoleHttp.JSON.readTree(text.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- account lookup

  private void accountLookup(HttpExchange exchange, String who, String accountId) throws IOException {
    if (!ConsoleHttp.isOpaqueId(accountId)) {
      ConsoleHttp.error(exchange, 400, "not an account id");
      return;
    }
    audit.lookup(who, accountId);
    try {
      ObjectNode answer = (ObjectNode) lookup.lookup(accountId).deepCopy();
      answer.put("reviewState", queue.state(accountId).name().toLowerCase(Locale.ROOT));
      List<Map<String, Object>> queued = new ArrayList<>();
      for (Alert alert : queue.alerts()) {
        if (alert.getAccountId().equals(accountId)) {
          queued.add(summary(alert, queue.state(accountId)));
        }
      }
      answer.set("queuedAlerts", ConsoleHttp.JSON.valueToTree(queued));
      ConsoleHttp.json(exchange, 200, answer);
    } catch (AccountLookup.LookupFailed e) {
      ConsoleHttp.error(exchange, e.status, e.getMessage());
    }
  }

  private void internalLookup(HttpExchange exchange, String accountId) throws IOException {
    if (!ConsoleHttp.isOpaqueId(accountId)) {
      ConsoleHttp.error(exchange, 400, "not an account id");
      return;
    }
    try {
      ConsoleHttp.json(exchange, 200, lookup.local(accountId));
    } catch (AccountLookup.LookupFailed e) {
      ConsoleHttp.error(exchange, e.status, e.getMessage());
    }
  }

  // ---- verdicts

  private void verdict(HttpExchange exchange, String who) throws IOException {
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      // a cross-site form cannot send JSON without the browser asking first (CORS): no forged verdicts
      ConsoleHttp.error(exchange, 415, "a verdict is sent as application/json");
      return;
    }
    JsonNode body;
    try (InputStream in = exchange.getRequestBody()) {
      body = ConsoleHttp.JSON.readTree(in.readNBytes(4096));
    } catch (IOException e) {
      ConsoleHttp.error(exchange, 400, "the verdict is not JSON");
      return;
    }
    String alertId = body == null ? null : body.path("alertId").asText(null);
    Verdict verdict = parseVerdict(body == null ? null : body.path("verdict").asText(null));
    if (verdict == null) {
      ConsoleHttp.error(exchange, 400, "verdict must be CONFIRMED, CLEARED or REOPENED");
      return;
    }
    Optional<Alert> alert = findAlert(exchange, alertId);
    if (alert.isEmpty()) {
      return;
    }
    String accountId = alert.get().getAccountId();
    try {
      ReviewVerdict written = verdicts.write(accountId, alertId, verdict, who);
      audit.verdict(who, accountId, alertId, verdict.name(), written.getEventId());
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("eventId", written.getEventId());
      answer.put("accountId", accountId);
      answer.put("verdict", verdict.name());
      answer.put("state", AlertQueue.stateOf(written).name().toLowerCase(Locale.ROOT));
      ConsoleHttp.json(exchange, 200, answer);
    } catch (VerdictWriter.VerdictNotWritten e) {
      ConsoleHttp.error(exchange, 503, e.getMessage());
    }
  }

  private static Verdict parseVerdict(String text) {
    if (text == null) {
      return null;
    }
    return switch (text.toUpperCase(Locale.ROOT)) {
      case "CONFIRMED", "CONFIRM" -> Verdict.CONFIRMED;
      case "CLEARED", "CLEAR" -> Verdict.CLEARED;
      case "REOPENED", "REOPEN" -> Verdict.REOPENED;
      default -> null;
    };
  }

  @Override
  public void close() {
    closed = true;
    if (server != null) {
      server.stop(0);
    }
    if (executor != null) {
      executor.shutdownNow();
    }
    try {
      queue.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.warn("closing the console's alert queue: {}", e.toString());
    }
    if (verdicts != null) {
      verdicts.close();
    }
  }

  /** The console could not start (its port is taken, ...): the reason names the keys to change. */
  public static final class ConsoleStartFailed extends RuntimeException {
    ConsoleStartFailed(String message) {
      super(message);
    }
  }
}
