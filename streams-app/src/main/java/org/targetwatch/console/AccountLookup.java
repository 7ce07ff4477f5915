package org.targetwatch.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.targetwatch.topology.TopologyNames;

/**
 * Any instance answers for any account: Kafka Streams says which instance owns the account's
 * partition ({@link KafkaStreams#queryMetadataForKey}, from each instance's
 * {@code application.server}); this instance reads its own stores when it is the owner and asks the
 * owner's console otherwise ({@code GET /internal/accounts/{id}}, with the console's credentials).
 */
final class AccountLookup {
  static final String INTERNAL_PATH = "/internal/accounts/";
  private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(5);

  private final KafkaStreams streams;
  private final AccountStateReader reader;
  private final Optional<HostInfo> self;
  private final String instanceAuthorization;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(FORWARD_TIMEOUT).build();

  /** @param self this instance's {@code application.server}; empty when there is only this instance */
  AccountLookup(KafkaStreams streams, AccountStateReader reader, Optional<HostInfo> self, String instanceAuthorization) {
    this.streams = streams;
    this.reader = reader;
    this.self = self;
    this.instanceAuthorization = instanceAuthorization;
  }

  /** What the detector holds about the account now, from whichever instance owns it. */
  JsonNode lookup(String accountId) throws LookupFailed {
    Optional<HostInfo> owner = owner(accountId);
    if (owner.isEmpty() || owner.equals(self)) {
      return local(accountId);
    }
    return forward(owner.get(), accountId);
  }

  /** Reads this instance's stores (the owner's answer, also to a forwarded request). */
  JsonNode local(String accountId) throws LookupFailed {
    try {
      ObjectNode answer = ConsoleHttp.JSON.valueToTree(reader.read(accountId));
      answer.put("answeredBy", self.map(AccountLookup::text).orElse("this instance"));
      return answer;
    } catch (InvalidStateStoreException e) {
      throw new LookupFailed(503, "the account's state is not queryable right now (the instance is starting or rebalancing); try again");
    }
  }

  private Optional<HostInfo> owner(String accountId) throws LookupFailed {
    if (self.isEmpty()) {
      return Optional.empty();
    }
    KeyQueryMetadata metadata = streams.queryMetadataForKey(TopologyNames.SENDER_TARGETS_STORE, accountId,
        Serdes.String().serializer());
    if (metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE) || metadata.activeHost() == null
        || metadata.activeHost().port() < 0) {
      throw new LookupFailed(503, "no instance owns the account's partition right now (rebalancing); try again");
    }
    return Optional.of(metadata.activeHost());
  }

  private JsonNode forward(HostInfo owner, String accountId) throws LookupFailed {
    URI uri = URI.create("http://" + owner.host() + ":" + owner.port() + INTERNAL_PATH
        + URLEncoder.encode(accountId, StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(FORWARD_TIMEOUT)
        .header("Authorization", instanceAuthorization).GET().build();
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      JsonNode body = ConsoleHttp.JSON.readTree(response.body());
      if (response.statusCode() != 200) {
        throw new LookupFailed(502, "the owning instance " + text(owner) + " answered " + response.statusCode()
            + (body.has("error") ? ": " + body.get("error").asText() : ""));
      }
      return body;
    } catch (IOException e) {
      throw new LookupFailed(502, "the owning instance " + text(owner) + " did not answer: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LookupFailed(503, "interrupted");
    }
  }

  static String text(HostInfo host) {
    return host.host() + ":" + host.port();
  }

  /** {@code application.server} of the Kafka settings, when set. */
  static Optional<HostInfo> applicationServer(Map<String, String> kafkaSettings) {
    String value = kafkaSettings.get("application.server");
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(HostInfo.buildFromEndpoint(value.strip()));
  }

  /** A lookup that could not be answered: an HTTP status and a sentence for the reviewer. */
  static final class LookupFailed extends Exception {
    final int status;

    LookupFailed(int status, String message) {
      super(message);
      this.status = status;
    }
  }
}
