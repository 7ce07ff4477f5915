package org.targetwatch.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetwatch.topology.TopologyNames.CONTACTS_BY_RECIPIENT_TOPIC;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.targetwatch.schema.AgeBand;

/**
 * Most of a platform's messages are between friends (issue #20): such a message must cost its read
 * and one look-up of the sender's friends at the sender's partition, and write nothing, neither a
 * record for another partition nor a changelog record. A message to a stranger, by contrast, is a
 * contact and travels to the recipient's partition; it shows that the count below sees writes.
 */
class MessagesBetweenFriendsWriteNothingTest {
  private static final String INTERNAL_TOPIC_PREFIX = Scenario.properties().getProperty("application.id") + "-";
  private static final String ADULT = "adult-1";
  private static final String MINOR = "minor-1";
  private static final String STRANGER = "minor-2";

  private Scenario platform;

  @BeforeEach
  void setUp() {
    platform = new Scenario().at(Scenario.START.plus(Duration.ofDays(5)))
        .account(ADULT, AgeBand.ADULT, 300).account(MINOR, AgeBand.AGE_13_15, 400)
        .account(STRANGER, AgeBand.AGE_13_15, 400)
        .friends(ADULT, MINOR);
    internalRecordsWritten(); // what the set-up wrote
  }

  @AfterEach
  void tearDown() {
    platform.close();
  }

  @Test
  void messagesBackAndForthBetweenFriendsWriteNoInternalRecord() {
    for (int i = 0; i < 20; i++) {
      platform.after(Duration.ofMinutes(2)).message(ADULT, MINOR).after(Duration.ofMinutes(1)).message(MINOR, ADULT);
    }

    assertThat(internalRecordsWritten()).isEmpty();
    assertThat(platform.alerts()).isEmpty();
  }

  @Test
  void aMessageToAStrangerIsAContactSentToTheRecipientsPartition() {
    platform.after(Duration.ofMinutes(2)).message(ADULT, STRANGER);

    assertThat(internalRecordsWritten())
        .containsEntry(INTERNAL_TOPIC_PREFIX + CONTACTS_BY_RECIPIENT_TOPIC + "-repartition", 1);
  }

  /** Records written to each internal topic (repartition and changelog) since the last call. */
  private Map<String, Integer> internalRecordsWritten() {
    Map<String, Integer> written = new TreeMap<>();
    for (String topic : platform.driver().producedTopicNames()) {
      if (topic.startsWith(INTERNAL_TOPIC_PREFIX)) {
        int records = platform.driver().createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer())
            .readRecordsToList().size();
        if (records > 0) {
          written.put(topic, records);
        }
      }
    }
    return written;
  }
}
