package org.targetwatch.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.targetwatch.eventfile.EventFieldMapping;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.FriendRequestAction;
import org.targetwatch.schema.FriendRequestEvent;
import org.targetwatch.schema.MessageEvent;
import org.targetwatch.schema.Profile;

class TimeOrderedEventsTest {
  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  @Test
  void eventsComeBackInTimeOrderWithEqualTimesInTheOrderTheyWereAdded() {
    List<SpecificRecord> added = new ArrayList<>();
    Random random = new Random(3);
    // enough events for several chunks of bytes, with many equal times
    for (int i = 0; i < 60_000; i++) {
      Instant at = T0.plusSeconds(random.nextInt(500));
      added.add(switch (i % 3) {
        case 0 -> new Profile("a" + i, at, i % 2 == 0 ? null : T0, AgeBand.AGE_13_15, i % 5 == 0);
        case 1 -> new FriendRequestEvent("e" + i, at, "a" + i, "b" + i, FriendRequestAction.ACCEPTED);
        default -> new MessageEvent("e" + i, at, "a" + i, "\u00e9\ud83d\ude00" + i, i % 2 == 0 ? null : "c", true);
      });
    }
    TimeOrderedEvents events = new TimeOrderedEvents();
    added.forEach(events::add);
    events.sort();

    assertThat(replayed(events)).isEqualTo(stableTimeOrder(added));
  }

  @Test
  void partsJoinedInTheirOrderAreOneSetOfEventsInWhichEqualTimesFollowThePartOrder() {
    List<SpecificRecord> added = new ArrayList<>();
    List<TimeOrderedEvents> parts = new ArrayList<>();
    Random random = new Random(5);
    for (int part = 0; part < 4; part++) {
      TimeOrderedEvents events = new TimeOrderedEvents();
      int count = part == 2 ? 0 : 20_000 + random.nextInt(20_000); // several chunks each; one part empty
      for (int i = 0; i < count; i++) {
        SpecificRecord event = new FriendRequestEvent("e" + part + "-" + i, T0.plusSeconds(random.nextInt(50)),
            "a" + i, "b", FriendRequestAction.SENT);
        events.add(event);
        added.add(event);
      }
      parts.add(events);
    }

    TimeOrderedEvents joined = TimeOrderedEvents.joined(parts);
    joined.sort();

    assertThat(joined.size()).isEqualTo(added.size());
    assertThat(replayed(joined)).isEqualTo(stableTimeOrder(added));
  }

  private static List<SpecificRecord> stableTimeOrder(List<SpecificRecord> added) {
    List<SpecificRecord> expected = new ArrayList<>(added);
    expected.sort((a, b) -> EventFieldMapping.eventTime(a).compareTo(EventFieldMapping.eventTime(b))); // stable
    return expected;
  }

  private static List<SpecificRecord> replayed(TimeOrderedEvents events) {
    List<SpecificRecord> replayed = new ArrayList<>();
    for (int rank = 0; rank < events.size(); rank++) {
      replayed.add(events.eventAt(rank));
    }
    return replayed;
  }

  @Test
  void anEventKeepsItsTimesToTheMillisecondAsOnItsTopic() {
    TimeOrderedEvents events = new TimeOrderedEvents();
    events.add(new MessageEvent("e1", Instant.parse("2026-03-01T12:00:00.123456Z"), "a", "b", null, false));
    events.sort();
    assertThat(((MessageEvent) events.eventAt(0)).getOccurredAt()).isEqualTo(Instant.parse("2026-03-01T12:00:00.123Z"));
  }
}
