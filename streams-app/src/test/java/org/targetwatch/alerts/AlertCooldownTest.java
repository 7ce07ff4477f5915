package org.targetwatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.targetwatch.schema.Severity;
import org.targetwatch.schema.internal.AlertHistory;
import org.targetwatch.serde.InternalAvroSerde;

/** The cool-down over real bytes: escalations pass, repeats wait a cool-down, an alert id is never emitted twice. */
class AlertCooldownTest {
  private static final long DAY = 86_400_000L;
  private AlertCooldown cooldown;

  @BeforeEach
  void setUp() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "cooldown-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    KeyValueStore<String, AlertHistory> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("history"),
        Serdes.String(), InternalAvroSerde.of(AlertHistory.class)).withLoggingDisabled().build();
    store.init(new MockProcessorContext<>(props).getStateStoreContext(), store);
    cooldown = new AlertCooldown(store, DAY);
  }

  private boolean emit(Severity severity, long at) {
    String id = AlertFactory.alertId("a", severity.name(), "long", at, DAY);
    if (!cooldown.allows("a", severity, at, id)) {
      return false;
    }
    cooldown.record("a", severity, at, id, 6);
    return true;
  }

  @Test
  void aRepeatWaitsACooldownAndAnEscalationDoesNot() {
    assertThat(emit(Severity.MEDIUM, 10 * DAY)).isTrue();
    assertThat(emit(Severity.MEDIUM, 10 * DAY + 1000)).isFalse();
    assertThat(emit(Severity.HIGH, 10 * DAY + 2000)).isTrue();
    assertThat(emit(Severity.HIGH, 11 * DAY + 3000)).isTrue();
  }

  @Test
  void anEarlierPeriodsAlertComingBackOutOfOrderIsNotEmittedASecondTime() {
    assertThat(emit(Severity.HIGH, 10 * DAY + 17 * 3_600_000L)).isTrue();
    assertThat(emit(Severity.MEDIUM, 11 * DAY + 18 * 3_600_000L)).isTrue(); // a day later, lower
    // an event of the first day, delayed by a fail-over, would raise HIGH in the first day's period again
    assertThat(emit(Severity.HIGH, 10 * DAY + 13 * 3_600_000L)).isFalse();
  }
}
