package org.targetwatch.simulator;

import java.time.Instant;
import java.util.Objects;

/**
 * What to simulate.
 *
 * @param accounts accounts on the platform, all labelled (default 20,000)
 * @param days observed days after {@code start} (default 14)
 * @param seed the one seed every random draw derives from
 * @param start the first observed instant; the existing friendship graph is dated before it
 * @param classMix how many accounts of each planted class
 * @param world the kind of platform and how widely planted accounts vary: {@link
 *     WorldParameters#fixed()} (the default) or a randomized world ({@link #randomized(long)})
 */
public record SimulationConfig(
    int accounts, int days, long seed, Instant start, ClassMix classMix, WorldParameters world) {

  public static final int DEFAULT_ACCOUNTS = 20_000;
  public static final int DEFAULT_DAYS = 14;
  public static final Instant DEFAULT_START = Instant.parse("2026-03-01T00:00:00Z");

  /** Below this the communities are too small to hold every class. */
  static final int FEWEST_ACCOUNTS = 300;

  public SimulationConfig {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(classMix, "classMix");
    Objects.requireNonNull(world, "world");
    if (accounts < FEWEST_ACCOUNTS) {
      throw new IllegalArgumentException(
          "accounts must be at least " + FEWEST_ACCOUNTS + ", was " + accounts);
    }
    if (days < 2 || days > 366) {
      throw new IllegalArgumentException("days must be within 2..366, was " + days);
    }
    if (classMix.plantedAccounts(accounts) > accounts / 4) {
      throw new IllegalArgumentException(
          "the class mix plants " + classMix.plantedAccounts(accounts) + " accounts, more than a"
              + " quarter of the " + accounts + " accounts");
    }
  }

  /** The fixed world. */
  public SimulationConfig(int accounts, int days, long seed, Instant start, ClassMix classMix) {
    this(accounts, days, seed, start, classMix, WorldParameters.fixed());
  }

  /** 20,000 accounts, 14 days from 2026-03-01T00:00:00Z, the default class mix, the fixed world. */
  public static SimulationConfig defaults(long seed) {
    return new SimulationConfig(
        DEFAULT_ACCOUNTS, DEFAULT_DAYS, seed, DEFAULT_START, ClassMix.defaults());
  }

  /** As {@link #defaults(long)}, in the world {@link RandomizedWorld#draw drawn} from the seed. */
  public static SimulationConfig randomized(long seed) {
    return defaults(seed).withRandomizedWorld();
  }

  /** The same configuration in the world drawn from its seed. */
  public SimulationConfig withRandomizedWorld() {
    return withWorld(RandomizedWorld.draw(seed));
  }

  /** The same configuration in another world. */
  public SimulationConfig withWorld(WorldParameters world) {
    return new SimulationConfig(accounts, days, seed, start, classMix, world);
  }

  public SimulationConfig withAccounts(int accounts) {
    return new SimulationConfig(accounts, days, seed, start, classMix, world);
  }

  public SimulationConfig withDays(int days) {
    return new SimulationConfig(accounts, days, seed, start, classMix, world);
  }

  /**
   * The same configuration with another seed; a world drawn from the old seed is redrawn from the
   * new one, any other world (the fixed one, a world of one's own) is kept.
   */
  public SimulationConfig withSeed(long seed) {
    WorldParameters next = world.randomized() && world.equals(RandomizedWorld.draw(this.seed))
        ? RandomizedWorld.draw(seed)
        : world;
    return new SimulationConfig(accounts, days, seed, start, classMix, next);
  }

  public SimulationConfig withStart(Instant start) {
    return new SimulationConfig(accounts, days, seed, start, classMix, world);
  }

  public SimulationConfig withClassMix(ClassMix classMix) {
    return new SimulationConfig(accounts, days, seed, start, classMix, world);
  }

  /** The end of the observed period (exclusive). */
  public Instant end() {
    return start.plusSeconds(86_400L * days);
  }
}
