package org.targetwatch.bench.jmh;

import java.time.Instant;
import java.util.SplittableRandom;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.targetwatch.friendship.FriendSetBytes;
import org.targetwatch.friendship.FriendshipGraph;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.Profile;
import org.targetwatch.schema.internal.FriendSet;
import org.targetwatch.topology.DetectorConfig;
import org.targetwatch.topology.DetectorStores;
import org.targetwatch.topology.TopologyNames;

/**
 * A task's account stores holding a population: {@code accounts} profiles (a third of them minors)
 * with friend sets of a few dozen to a few hundred friends, and the minors' degree distribution in
 * step with them. Friend sets are written straight to the store (faster than replaying every
 * friendship); the profiles are applied through the graph so the distribution counts them.
 */
final class PopulatedStores {
  final DetectorConfig config = DetectorConfig.defaults();
  final int accounts;
  final MockProcessorContext<Object, Object> context;
  final DetectorStores stores;

  PopulatedStores(int accounts, long seed) {
    this.accounts = accounts;
    this.context = DetectorStoresOutsideTopology.context(config);
    this.stores = DetectorStores.from(context, config);
    SplittableRandom random = new SplittableRandom(seed);
    KeyValueStore<String, byte[]> friendships = context.getStateStore(TopologyNames.FRIENDSHIP_STORE);
    FriendshipGraph graph = stores.graph();
    for (int n = 0; n < accounts; n++) {
      int friends = (int) Math.min(accounts / 2, Math.round(60 * Math.exp(random.nextGaussian() * 0.8)));
      friendships.put(BenchAccounts.accountId(n), FriendSetBytes.encode(BenchAccounts.friendSet(random, friends, accounts)));
    }
    for (int n = 0; n < accounts; n++) {
      AgeBand band = n % 3 == 0 ? AgeBand.AGE_13_15 : AgeBand.ADULT;
      Instant created = Instant.ofEpochMilli(BenchAccounts.START_MS - (n % 10 == 0 ? 2 : 400) * BenchAccounts.DAY_MS);
      graph.applyProfile(new Profile(BenchAccounts.accountId(n), created, created, band, false));
    }
  }

  /** The context as a processor of any output types sees it (forwards are captured, never typed-checked here). */
  @SuppressWarnings("unchecked")
  <K, V> ProcessorContext<K, V> processorContext() {
    return (ProcessorContext<K, V>) (ProcessorContext<?, ?>) context;
  }

  /** An account with exactly {@code friends} friends, replacing account {@code n}'s set. */
  FriendSet giveFriends(int n, int friends, SplittableRandom random) {
    KeyValueStore<String, byte[]> friendships = context.getStateStore(TopologyNames.FRIENDSHIP_STORE);
    FriendSet set = BenchAccounts.friendSet(random, friends, accounts);
    friendships.put(BenchAccounts.accountId(n), FriendSetBytes.encode(set));
    return set;
  }
}
