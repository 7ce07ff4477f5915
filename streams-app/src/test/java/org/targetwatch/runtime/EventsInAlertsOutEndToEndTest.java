package org.targetwatch.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.Severity;

/**
 * The first promise of {@code run}: contract events produced as Confluent Avro on a real broker come
 * out as alerts on the alert topic, for the expected accounts, with the ids a reference run gives;
 * and the HTTP endpoint reports readiness and counts them.
 */
class EventsInAlertsOutEndToEndTest {

  @Test
  void fakeTeensBurstingRequestsAtPopularMinorsComeOutAsAlertsWithTheReferenceIds(@TempDir Path state) throws Exception {
    PlatformScript platform = new PlatformScript(7);
    try (KafkaFixture kafka = new KafkaFixture(4);
        DetectorRuntime runtime = DetectorRuntime.start(kafka.config("targetwatch-e2e", state))) {
      assertThat(runtime.awaitRunning(KafkaFixture.GIVE_UP_AFTER)).isTrue();
      System.out.println("startup to RUNNING: " + runtime.startupTime().toMillis() + " ms");
      kafka.produce(platform.background());
      kafka.awaitProcessed("targetwatch-e2e");
      for (List<SpecificRecord> round : platform.rounds()) {
        kafka.produce(round);
        kafka.awaitProcessed("targetwatch-e2e");
      }

      List<Alert> alerts = kafka.committedAlerts();
      assertThat(alerts).extracting(Alert::getAccountId).containsOnlyElementsOf(platform.offenders());
      for (String offender : platform.offenders()) {
        assertThat(alerts).filteredOn(a -> a.getAccountId().equals(offender))
            .anyMatch(a -> a.getSeverity().compareTo(Severity.MEDIUM) >= 0);
      }
      assertThat(alerts).extracting(Alert::getAlertId).doesNotHaveDuplicates();
      assertThat(alerts).extracting(PlatformScript::describe).containsExactlyInAnyOrderElementsOf(
          platform.expectedAlerts(kafka.config("reference", state).detector()).stream().map(PlatformScript::describe).toList());

      HttpClient http = HttpClient.newHttpClient();
      assertThat(get(http, runtime, "/health/ready").statusCode()).isEqualTo(200);
      assertThat(get(http, runtime, "/health/live").statusCode()).isEqualTo(200);
      String metrics = get(http, runtime, "/metrics").body();
      assertThat(metrics).contains("targetwatch_events_read_total{type=\"friend_request\"}")
          .contains("targetwatch_contacts_total").contains("targetwatch_alerts_total{severity=\"HIGH\"}")
          .contains("kafka_stream");
      assertThat(runtime.meters().get("targetwatch.alerts").counters().stream().mapToDouble(c -> c.count()).sum())
          .isGreaterThanOrEqualTo(alerts.size());
    }
  }

  private static HttpResponse<String> get(HttpClient http, DetectorRuntime runtime, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.httpPort() + path))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
