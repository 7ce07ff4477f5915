package org.targetwatch.friendship;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.ObjIntConsumer;
import org.apache.kafka.streams.state.KeyValueStore;
import org.targetwatch.schema.AgeBand;

/**
 * The degree distributions of a task's minors: of all minors, and of each minor age band, so that a
 * minor is ranked among the minors of its own age (DESIGN.md: younger children have fewer friends,
 * so an offender after the most popular under-13s picks children who look average against all
 * minors). Each is its own {@link MinorDegreeDistribution} under its own key of the one store
 * ({@code minors}, {@code minors.UNDER_13}, ...): a friendship change of a minor rewrites two small
 * values, and a contact reads its band's histogram again only when that band changed.
 *
 * <p>Versions before the bands stored the all-minors histogram alone. The first use of the store by
 * this version counts each band once from the task's profiles and friends ({@link BandCounts}) and
 * writes {@link #BANDS_COUNTED}; from then on the bands change with the all-minors histogram.
 */
public final class MinorDegreesByBand {
  /** Present once the bands' histograms count every minor the all-minors histogram counts. */
  static final String BANDS_COUNTED = "minors.bands-counted";
  /**
   * A band's rank is blended with the rank among all minors in proportion n / (n + this), over the
   * n minors of the band the task counts: a band of a few dozen minors says little on its own.
   */
  static final double BAND_PRIOR_MINORS = 50;

  /** The minors of the task by band and degree: how the bands are counted once after an upgrade. */
  @FunctionalInterface
  public interface BandCounts {
    /** Calls {@code minor} with the band and degree of every counted minor. */
    void forEachMinor(ObjIntConsumer<AgeBand> minor);
  }

  private final KeyValueStore<String, byte[]> store;
  private final MinorDegreeDistribution all;
  private final Map<AgeBand, MinorDegreeDistribution> bands = new EnumMap<>(AgeBand.class);
  private final BandCounts bandCounts;
  private boolean bandsCounted;

  public MinorDegreesByBand(KeyValueStore<String, byte[]> store, BandCounts bandCounts) {
    this.store = store;
    this.all = new MinorDegreeDistribution(store);
    this.bandCounts = bandCounts;
    for (AgeBand band : AgeBand.values()) {
      if (AgeBands.isMinor(band)) {
        bands.put(band, new MinorDegreeDistribution(store, MinorDegreeDistribution.KEY + "." + band.name()));
      }
    }
  }

  /** The all-minors distribution: the population's minor share and upper quartile. */
  public MinorDegreeDistribution allMinors() {
    countBandsOnce();
    return all;
  }

  public void addMinor(AgeBand band, int degree) {
    countBandsOnce();
    all.addMinor(degree);
    bandOf(band).addMinor(degree);
  }

  public void removeMinor(AgeBand band, int degree) {
    countBandsOnce();
    all.removeMinor(degree);
    bandOf(band).removeMinor(degree);
  }

  public void moveMinor(AgeBand band, int fromDegree, int toDegree) {
    countBandsOnce();
    all.moveMinor(fromDegree, toDegree);
    bandOf(band).moveMinor(fromDegree, toDegree);
  }

  public void adjustKnownAccounts(int delta) {
    countBandsOnce();
    all.adjustKnownAccounts(delta);
  }

  /**
   * Mid-rank of a minor's degree among the minors of its own band, blended with its rank among all
   * minors in proportion to how many minors of the band are counted (n / (n + 50)); the rank among
   * all minors for a band that is not a minor's. Chosen blind to degree within the band, the
   * expected mid-rank is still 0.5.
   */
  public double percentileOf(AgeBand band, int degree) {
    return percentileOf(allMinors().snapshot(), band, degree);
  }

  /** The same, with the all-minors snapshot the caller already took (a contact asks it for the P75 too). */
  public double percentileOf(MinorDegreeDistribution.Snapshot allMinors, AgeBand band, int degree) {
    countBandsOnce();
    double amongAll = allMinors.percentileOf(degree);
    MinorDegreeDistribution own = bands.get(band);
    if (own == null) {
      return amongAll;
    }
    MinorDegreeDistribution.Snapshot peers = own.snapshot();
    double weight = peers.minors() / (peers.minors() + BAND_PRIOR_MINORS);
    return weight * peers.percentileOf(degree) + (1 - weight) * amongAll;
  }

  private MinorDegreeDistribution bandOf(AgeBand band) {
    MinorDegreeDistribution own = bands.get(band);
    if (own == null) {
      throw new IllegalArgumentException("not a minor's band: " + band);
    }
    return own;
  }

  /** After an upgrade from a version without bands, the bands are counted once from the task's minors. */
  private void countBandsOnce() {
    if (bandsCounted) {
      return;
    }
    if (store.get(BANDS_COUNTED) == null) {
      if (all.snapshot().minors() > 0 && bandCounts != null) {
        bandCounts.forEachMinor((band, degree) -> {
          MinorDegreeDistribution own = bands.get(band);
          if (own != null) {
            own.addMinor(degree);
          }
        });
      }
      store.put(BANDS_COUNTED, new byte[] {1});
    }
    bandsCounted = true;
  }
}
