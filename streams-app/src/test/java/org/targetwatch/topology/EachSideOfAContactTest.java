package org.targetwatch.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetwatch.topology.TopologyNames.FRIENDSHIP_STORE;
import static org.targetwatch.topology.TopologyNames.SENDER_TARGETS_STORE;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.targetwatch.friendship.FriendSetBytes;
import org.targetwatch.friendship.FriendSets;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.internal.Friend;
import org.targetwatch.schema.internal.TargetEntry;

/**
 * What each endpoint's partition decides: the sender's says whether the two are friends, the
 * recipient's whether it wrote first (a reply) and whether it already counts the sender as a friend
 * (its side of a friendship can arrive before the sender's); each side of a friendship carries the
 * other endpoint's age band.
 */
class EachSideOfAContactTest {
  private static final String ADULT = "adult-1";
  private static final String MINOR = "minor-1";
  private static final String OTHER_MINOR = "minor-2";

  private Scenario platform;

  @BeforeEach
  void setUp() {
    platform = new Scenario().at(Scenario.START.plus(Duration.ofDays(5)))
        .account(ADULT, AgeBand.ADULT, 1).account(MINOR, AgeBand.AGE_13_15, 400)
        .account(OTHER_MINOR, AgeBand.AGE_13_15, 400);
  }

  @AfterEach
  void tearDown() {
    platform.close();
  }

  @Test
  void aMessageBackToAnAccountThatWroteFirstIsAReplyNotAContact() {
    platform.message(ADULT, MINOR).after(Duration.ofMinutes(3)).message(MINOR, ADULT);

    assertThat(target(ADULT, MINOR)).as("the first message is a cold contact").isNotNull();
    assertThat(target(MINOR, ADULT)).as("the message back is a reply").isNull();
  }

  @Test
  void aMessageBackAfterTheMemoryHasPassedIsAContactAgain() {
    Duration memory = DetectorConfig.defaults().longWindow().size();
    platform.message(ADULT, MINOR).after(memory.plusHours(1)).message(MINOR, ADULT);

    assertThat(target(MINOR, ADULT)).isNotNull();
  }

  @Test
  void aContactToAnAccountThatAlreadyCountsTheSenderAsAFriendIsBetweenFriends() {
    // the adult's side of a friendship the minor accepted an hour ago; the minor's side not yet here
    befriendOnOneSideOnly(ADULT, MINOR, platform.now().minus(Duration.ofHours(1)));
    platform.message(MINOR, ADULT).message(MINOR, OTHER_MINOR);

    assertThat(target(MINOR, ADULT)).as("friends on the recipient's side").isNull();
    assertThat(target(MINOR, OTHER_MINOR)).as("a stranger on both sides").isNotNull();
  }

  @Test
  void aFriendshipThatBeganAfterTheContactDoesNotMakeItWarm() {
    befriendOnOneSideOnly(ADULT, MINOR, platform.now().plus(Duration.ofHours(1)));
    platform.message(MINOR, ADULT);

    assertThat(target(MINOR, ADULT)).isNotNull();
  }

  @Test
  void eachSideOfANewFriendshipKnowsTheOtherEndpointsAgeBand() {
    platform.request(ADULT, MINOR).after(Duration.ofMinutes(10)).accept(ADULT, MINOR);

    assertThat(friendEntry(ADULT, MINOR).getAgeBand()).isEqualTo(AgeBand.AGE_13_15);
    assertThat(friendEntry(ADULT, MINOR).getInitiatedBySelf()).isTrue();
    assertThat(friendEntry(MINOR, ADULT).getAgeBand()).isEqualTo(AgeBand.ADULT);
    assertThat(friendEntry(MINOR, ADULT).getInitiatedBySelf()).isFalse();
    assertThat(target(ADULT, MINOR).getAccepted()).as("the acceptance is the request's response").isTrue();

    platform.after(Duration.ofDays(1)).remove(MINOR, ADULT);
    assertThat(friendEntry(ADULT, MINOR)).isNull();
    assertThat(friendEntry(MINOR, ADULT)).isNull();
    assertThat(target(ADULT, MINOR).getRemoved()).as("the removal reaches the requester's side too").isTrue();
  }

  private void befriendOnOneSideOnly(String account, String friend, Instant since) {
    KeyValueStore<String, byte[]> friendships = platform.driver().getKeyValueStore(FRIENDSHIP_STORE);
    byte[] set = friendships.get(account);
    friendships.put(account, FriendSetBytes.withFriend(set == null ? FriendSetBytes.encode(FriendSets.empty()) : set,
        new Friend(friend, since.toEpochMilli(), false, AgeBand.UNKNOWN), 1_000));
  }

  private Friend friendEntry(String account, String friend) {
    byte[] set = platform.driver().<String, byte[]>getKeyValueStore(FRIENDSHIP_STORE).get(account);
    return set == null ? null : FriendSetBytes.find(set, friend);
  }

  private TargetEntry target(String sender, String target) {
    KeyValueStore<String, TargetEntry> targets = platform.driver().getKeyValueStore(SENDER_TARGETS_STORE);
    return targets.get(sender + '\u0000' + target);
  }
}
