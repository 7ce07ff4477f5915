package org.targetwatch.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.targetwatch.schema.internal.RecentContacts;
import org.targetwatch.serde.InternalAvroSerde;

/** A sender's recent contacts: earlier ones listed sorted, bounded, forgotten with the memory, kept through real bytes. */
class RecentContactMemoryTest {
  private static final long HOUR = 3_600_000L;
  private RecentContactMemory memory;
  private KeyValueStore<String, RecentContacts> store;

  @BeforeEach
  void setUp() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "recent-contacts-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    MockProcessorContext<Object, Object> context = new MockProcessorContext<>(props);
    store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("recent"), Serdes.String(),
        InternalAvroSerde.of(RecentContacts.class)).withLoggingDisabled().build();
    store.init(context.getStateStoreContext(), store);
    memory = new RecentContactMemory(store, 24 * HOUR);
  }

  @Test
  void eachContactListsTheEarlierOnesSortedWithoutTheRecipientItself() {
    assertThat(memory.recordAndListEarlier("s", "c", 1)).isEmpty();
    assertThat(memory.recordAndListEarlier("s", "a", 2)).containsExactly("c");
    assertThat(memory.recordAndListEarlier("s", "b", 3)).containsExactly("a", "c");
    assertThat(memory.recordAndListEarlier("s", "a", 4)).containsExactly("b", "c"); // a again: not its own earlier contact
    assertThat(memory.recordAndListEarlier("other", "a", 5)).isEmpty();
  }

  @Test
  void onlyTheMostRecentContactsWithinTheMemoryAreKept() {
    for (int i = 0; i < RecentContactMemory.KEPT + 10; i++) {
      memory.recordAndListEarlier("s", "t" + i, i);
    }
    List<String> earlier = memory.recordAndListEarlier("s", "last", 100);
    assertThat(earlier).hasSize(RecentContactMemory.KEPT).doesNotContain("t0", "t9").contains("t10", "t73");
    assertThat(memory.recordAndListEarlier("s", "later", 100 + 25 * HOUR)).isEmpty(); // all older than a day
  }

  @Test
  void sendersWhoseLatestContactIsOlderThanTheCutOffAreForgotten() {
    memory.recordAndListEarlier("old", "a", 1);
    memory.recordAndListEarlier("recent", "a", 10 * HOUR);

    assertThat(memory.forgetBefore(5 * HOUR)).isEqualTo(1);
    assertThat(store.get("old")).isNull();
    assertThat(store.get("recent")).isNotNull();
  }
}
