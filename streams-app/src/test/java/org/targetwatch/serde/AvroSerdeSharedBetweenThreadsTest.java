package org.targetwatch.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.targetwatch.registry.InMemorySchemaRegistry;
import org.targetwatch.schema.Alert;

/** Kafka Streams shares one serde instance between stream threads; per-thread encoders keep records apart. */
class AvroSerdeSharedBetweenThreadsTest {

  @Test
  void oneSerdeUsedByFourThreadsAtOnceGivesEveryThreadItsOwnRecordsBack() throws Exception {
    AvroSerde<Alert> serde = AvroSerde.of(Alert.class, new InMemorySchemaRegistry());
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> mismatches = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        String account = "acc-" + t;
        Callable<Integer> roundTrips = () -> {
          int wrong = 0;
          for (int i = 0; i < 2_000; i++) {
            Alert alert = Alert.newBuilder(ContractRecords.highAlert()).setAccountId(account).setScore(i / 2_000.0).build();
            Alert back = serde.deserializer().deserialize("alerts", serde.serializer().serialize("alerts", alert));
            wrong += back.equals(alert) ? 0 : 1;
          }
          return wrong;
        };
        mismatches.add(threads.submit(roundTrips));
      }
      for (Future<Integer> result : mismatches) {
        assertThat(result.get()).isZero();
      }
    } finally {
      threads.shutdownNow();
    }
  }
}
