package org.targetwatch.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;

/**
 * A schema registry server in this process, on 127.0.0.1, speaking the Confluent REST subset over
 * real HTTP: for the demo, and so the HTTP client is tested over the wire. Optionally requires basic
 * auth or a bearer token, and optionally serves HTTPS. Counts requests, so tests can see the
 * client's cache at work.
 *
 * <pre>{@code
 * try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start()) {
 *   var client = new HttpSchemaRegistryClient(RegistryClientConfig.forUrl(registry.url()));
 * }
 * }</pre>
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {

  private static final int HANDLER_THREADS = 2;

  private final HttpServer server;
  private final ExecutorService executor;
  private final InMemorySchemaRegistry store;
  private final RegistryRestRoutes routes;
  private final Optional<String> requiredAuthorization;
  private final String scheme;
  private final AtomicLong requests = new AtomicLong();

  private EmbeddedSchemaRegistry(Builder builder) throws IOException {
    this.store = builder.store;
    this.routes = new RegistryRestRoutes(store);
    this.requiredAuthorization = builder.auth.authorizationHeader();
    InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), builder.port);
    if (builder.tls != null) {
      HttpsServer https = HttpsServer.create(address, 0);
      https.setHttpsConfigurator(new HttpsConfigurator(builder.tls));
      this.server = https;
      this.scheme = "https";
    } else {
      this.server = HttpServer.create(address, 0);
      this.scheme = "http";
    }
    this.executor = Executors.newFixedThreadPool(HANDLER_THREADS, runnable -> {
      Thread thread = new Thread(runnable, "embedded-schema-registry");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/", this::serve);
    server.start();
  }

  /** A registry on a free port, no auth. */
  public static EmbeddedSchemaRegistry start() {
    return builder().start();
  }

  /** A registry on {@code port} (0 for a free one), no auth. */
  public static EmbeddedSchemaRegistry start(int port) {
    return builder().port(port).start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The base URL, {@code http://127.0.0.1:PORT} (or https). */
  public String url() {
    return scheme + "://127.0.0.1:" + port();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The store behind the server, for looking at what clients registered. */
  public InMemorySchemaRegistry store() {
    return store;
  }

  /** How many HTTP requests the server has received, rejected ones included. */
  public long requestCount() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void serve(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    try (exchange) {
      RegistryRestRoutes.Answer answer;
      if (requiredAuthorization.isPresent()
          && !requiredAuthorization.get().equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"schema-registry\"");
        answer = RegistryRestRoutes.Answer.error(401, RegistryErrorCodes.UNAUTHORIZED, "Unauthorized");
      } else {
        answer = routes.handle(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), body(exchange));
      }
      byte[] bytes = answer.json().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", RegistryJson.CONTENT_TYPE);
      exchange.sendResponseHeaders(answer.status(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static String body(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Options of an embedded registry. */
  public static final class Builder {
    private int port;
    private RegistryAuth auth = RegistryAuth.NONE;
    private SSLContext tls;
    private InMemorySchemaRegistry store = new InMemorySchemaRegistry();

    private Builder() {}

    /** The port to listen on; 0 (default) picks a free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Require HTTP basic auth with these credentials. */
    public Builder basicAuth(String user, String password) {
      this.auth = new RegistryAuth.Basic(user, password);
      return this;
    }

    /** Require this bearer token. */
    public Builder bearerToken(String token) {
      this.auth = new RegistryAuth.Bearer(token);
      return this;
    }

    /** Serve HTTPS with this context (its key manager holds the server's certificate). */
    public Builder tls(SSLContext context) {
      this.tls = context;
      return this;
    }

    /** Serve this store instead of a fresh one. */
    public Builder store(InMemorySchemaRegistry store) {
      this.store = store;
      return this;
    }

    public EmbeddedSchemaRegistry start() {
      try {
        return new EmbeddedSchemaRegistry(this);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded schema registry on 127.0.0.1:" + port + ": " + e.getMessage(), e);
      }
    }
  }
}
