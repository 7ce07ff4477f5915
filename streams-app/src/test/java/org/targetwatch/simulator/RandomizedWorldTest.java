package org.targetwatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RandomizedWorldTest {

  @Test
  void theSameSeedDrawsTheSameWorld() {
    assertThat(RandomizedWorld.draw(7L)).isEqualTo(RandomizedWorld.draw(7L));
    assertThat(RandomizedWorld.draw(7L).describe()).isEqualTo(RandomizedWorld.draw(7L).describe());
  }

  @Test
  void twoSeedsDrawDifferentWorlds() {
    WorldParameters first = RandomizedWorld.draw(1L);
    WorldParameters second = RandomizedWorld.draw(2L);
    assertThat(first.platform().minorShare()).isNotEqualTo(second.platform().minorShare());
    assertThat(first.range(BehaviourClass.SNOWBALL, BehaviourParameter.DEGREE_PICKED_SHARE))
        .isNotEqualTo(second.range(BehaviourClass.SNOWBALL, BehaviourParameter.DEGREE_PICKED_SHARE));
    assertThat(first.describe()).isNotEqualTo(second.describe());
  }

  @Test
  void everyWorldsRangesLieInsideTheWidestRangesAndCoverAQuarterOfThem() {
    for (long s = 0; s < 200; s++) {
      long seed = s;
      WorldParameters world = RandomizedWorld.draw(seed);
      assertThat(world.randomized()).isTrue();
      assertThat(world.seed()).isEqualTo(seed);
      RandomizedWorld.widestRanges().forEach((c, widest) -> widest.forEach((parameter, range) -> {
        Range drawn = world.range(c, parameter);
        assertThat(drawn.lowest()).as("%s %s seed %d", c.label(), parameter.label(), seed)
            .isGreaterThanOrEqualTo(range.lowest() - 1e-9);
        assertThat(drawn.highest()).as("%s %s seed %d", c.label(), parameter.label(), seed)
            .isLessThanOrEqualTo(range.highest() + 1e-9);
        if (!range.logScale()) {
          assertThat(drawn.highest() - drawn.lowest())
              .isGreaterThanOrEqualTo(0.25 * (range.highest() - range.lowest()) - 1e-9);
        }
      }));
    }
  }

  @Test
  void everyWorldsPlatformLiesInsideThePlatformRanges() {
    double fewestMinors = 1;
    double mostMinors = 0;
    int pareto = 0;
    for (long seed = 0; seed < 200; seed++) {
      WorldParameters.Platform p = RandomizedWorld.draw(seed).platform();
      assertThat(p.minorShare()).isBetween(0.15, 0.45);
      assertThat(p.under13Below() / p.minorShare()).isBetween(0.03, 0.25);
      assertThat(p.minorsWithinCommunityShare()).isBetween(0.4, 0.9);
      assertThat(p.adultsWithinCommunityShare()).isBetween(0.3, 0.8);
      assertThat(p.pupilsPerSchool()).isBetween(250, 1500);
      assertThat(p.triadicClosure()).isBetween(0.05, 0.35);
      assertThat(p.popularPoolShare()).isBetween(0.1, 0.4);
      if (p.teenDegree().family() == WorldParameters.DegreeShape.Family.PARETO) {
        pareto++;
        assertThat(p.teenDegree().shape()).isBetween(1.3, 2.8);
      } else {
        assertThat(p.teenDegree().shape()).isBetween(0.6, 1.4);
      }
      fewestMinors = Math.min(fewestMinors, p.minorShare());
      mostMinors = Math.max(mostMinors, p.minorShare());
    }
    // the worlds spread over the range, and both degree families occur
    assertThat(fewestMinors).isLessThan(0.2);
    assertThat(mostMinors).isGreaterThan(0.4);
    assertThat(pareto).isBetween(60, 140);
  }

  @Test
  void ringsAreThreeToEightAndOffendersPickByDegreeFromAThirdToAlways() {
    Map<BehaviourParameter, Range> rings =
        RandomizedWorld.widestRanges().get(BehaviourClass.SOCK_PUPPET_RING);
    assertThat(rings.get(BehaviourParameter.RING_SIZE)).isEqualTo(Range.of(3, 8));
    for (BehaviourClass c : BehaviourClass.values()) {
      if (c.isOffender()) {
        assertThat(RandomizedWorld.widestRanges().get(c).get(BehaviourParameter.DEGREE_PICKED_SHARE))
            .as(c.label()).isEqualTo(Range.of(0.3, 1.0));
      }
    }
  }

  @Test
  void theFixedWorldIsNotRandomizedAndDrawsNothingPerAccount() {
    WorldParameters fixed = WorldParameters.fixed();
    assertThat(fixed.randomized()).isFalse();
    assertThat(fixed.ranges()).isEmpty();
    assertThat(fixed.platform().minorShare()).isEqualTo(0.34);
    assertThat(SimulationConfig.defaults(3L).world()).isEqualTo(fixed);
    assertThat(SimulationConfig.randomized(3L).world()).isEqualTo(RandomizedWorld.draw(3L));
  }

  @Test
  void anotherSeedRedrawsAWorldDrawnFromTheSeedButKeepsAWorldOfOnesOwn() {
    assertThat(SimulationConfig.randomized(3L).withSeed(4L).world()).isEqualTo(RandomizedWorld.draw(4L));
    assertThat(SimulationConfig.defaults(3L).withSeed(4L).world()).isEqualTo(WorldParameters.fixed());
    WorldParameters own = RandomizedWorld.draw(3L)
        .withRange(BehaviourClass.SPAM, BehaviourParameter.INTENSITY, Range.of(5, 5));
    assertThat(SimulationConfig.defaults(3L).withWorld(own).withSeed(4L).world()).isEqualTo(own);
  }
}
