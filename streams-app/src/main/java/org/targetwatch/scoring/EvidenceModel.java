package org.targetwatch.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The weights of the evidence-combining score (docs/detection.md, "Evidence"): the log-odds a
 * sender starts from and what each signal's basis is worth. Every weight is at least zero, so the
 * score rises with each aggravating basis and falls with each context basis (whose basis is
 * negative). The defaults are the versioned file {@code evidence-model.properties} next to this
 * class, written by the fitting command ({@code tools/fit-evidence-model}) on the training worlds.
 *
 * @param version the model's name, carried in the docs and in the file
 * @param intercept log-odds of a sender with no evidence either way
 * @param reliabilityMinors k in n / (n + k): how many minors it takes before a rate counts half
 * @param preferenceZReference standard errors of degree preference that chance explains, given the many looks
 * @param volume weight of ln(minors / the minimum)
 * @param preferenceSize weight of the mean degree mid-rank above 0.5
 * @param preferenceSignificance weight of the preference's standard errors beyond the reference
 * @param strangers weight of the share of strangers among the minors
 * @param minorLift weight of ln(minor share among targets / minors' share of the platform)
 * @param fakeProfile weight of a young account with few friends
 * @param claimedAge weight of a young account claiming its targets' age band
 * @param declines weight of the decline rate
 * @param escalations weight of ln(1 + minors messaged after accepting)
 * @param agePeers weight of an established minor contacting its own age band (context)
 * @param friendsMinors weight of a sender whose trusted friends are largely minors (context)
 * @param targetCohesion weight of targets who are friends of each other (context)
 * @param indiscriminate weight of contact so broad it is a broadcast, not a choice (context)
 * @param coTargeting weight of a group's overlap beyond chance (campaigns only; set by hand, as the
 *     fit sees single accounts)
 * @param campaignCandidateEvidence pattern evidence (preference and strangers) from which a young
 *     account is a campaign candidate
 * @param protectingMinors weight of ln(1 + the weighed minors the sender contacted who blocked or
 *     reported it) (issue 17; reasoned, not fitted: optional in a model file, default {@value #PROTECTING_MINORS_PRIOR})
 * @param otherReporters weight of the small basis of reporters the sender never contacted (issue 17;
 *     reasoned, not fitted: optional, default {@value #OTHER_REPORTERS_PRIOR})
 * @param confirmedLink weight of sharing targets, beyond chance, with an account a reviewer confirmed
 *     (campaigns; set by hand: optional, default {@value #CONFIRMED_LINK_PRIOR})
 * @param burstWindow what an assessment of the burst window must bring beyond one of the long window:
 *     the short window slides by the hour, so it takes many more looks at a sender (optional: a model
 *     fitted before it has none, 0)
 */
public record EvidenceModel(
    String version,
    double intercept,
    double reliabilityMinors,
    double preferenceZReference,
    double volume,
    double preferenceSize,
    double preferenceSignificance,
    double strangers,
    double minorLift,
    double fakeProfile,
    double claimedAge,
    double declines,
    double escalations,
    double agePeers,
    double friendsMinors,
    double targetCohesion,
    double indiscriminate,
    double coTargeting,
    double campaignCandidateEvidence,
    double protectingMinors,
    double otherReporters,
    double confirmedLink,
    double burstWindow) {

  static final String RESOURCE = "evidence-model.properties";

  /**
   * The safety loop's weights when a model file has none (one fitted before issue 17): reasoned in
   * docs/detection.md, "Reports and blocks"; the simulated worlds have no reports to fit them on yet.
   */
  public static final double PROTECTING_MINORS_PRIOR = 1.5;
  public static final double OTHER_REPORTERS_PRIOR = 1.0;
  public static final double CONFIRMED_LINK_PRIOR = 2.5;

  public EvidenceModel {
    double[] weights = {volume, preferenceSize, preferenceSignificance, strangers, minorLift, fakeProfile,
        claimedAge, declines, escalations, agePeers, friendsMinors, targetCohesion, indiscriminate, coTargeting,
        protectingMinors, otherReporters, confirmedLink, burstWindow};
    for (double w : weights) {
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("evidence weights must be finite and at least 0, was " + w);
      }
    }
    if (!(reliabilityMinors > 0)) {
      throw new IllegalArgumentException("reliabilityMinors must be above 0, was " + reliabilityMinors);
    }
  }

  /** The versioned model shipped with targetwatch. */
  public static EvidenceModel defaults() {
    try (InputStream in = EvidenceModel.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the evidence model " + RESOURCE + " is missing from the build");
      }
      Properties p = new Properties();
      p.load(in);
      return fromProperties(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a model file (the fitting command's output); a missing file or key is a clear error. */
  public static EvidenceModel fromFile(Path file) {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(in);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read evidence model " + file + ": " + e.getMessage());
    }
    return fromProperties(p);
  }

  /**
   * Reads a model from its properties (the fitting command's output); every key is required but the
   * safety loop's weights, which take their reasoned values when absent (a model fitted before them),
   * and the burst window's, 0 when absent (as a model fitted before it scored).
   */
  public static EvidenceModel fromProperties(Properties p) {
    return new EvidenceModel(
        p.getProperty("version", "unnamed"),
        number(p, "intercept"),
        number(p, "reliability.minors"),
        number(p, "preference.z.reference"),
        number(p, "weight.volume"),
        number(p, "weight.preference.size"),
        number(p, "weight.preference.significance"),
        number(p, "weight.strangers"),
        number(p, "weight.minor.lift"),
        number(p, "weight.fake.profile"),
        number(p, "weight.claimed.age"),
        number(p, "weight.declines"),
        number(p, "weight.escalations"),
        number(p, "weight.age.peers"),
        number(p, "weight.friends.minors"),
        number(p, "weight.target.cohesion"),
        number(p, "weight.indiscriminate"),
        number(p, "weight.co.targeting"),
        number(p, "campaign.candidate.evidence"),
        numberOr(p, "weight.protecting.minors", PROTECTING_MINORS_PRIOR),
        numberOr(p, "weight.other.reporters", OTHER_REPORTERS_PRIOR),
        numberOr(p, "weight.confirmed.link", CONFIRMED_LINK_PRIOR),
        numberOr(p, "weight.burst.window", 0.0));
  }

  private static double numberOr(Properties p, String key, double defaultValue) {
    return p.getProperty(key) == null ? defaultValue : number(p, key);
  }

  private static double number(Properties p, String key) {
    String value = p.getProperty(key);
    if (value == null) {
      throw new IllegalArgumentException("evidence model: missing key " + key);
    }
    try {
      return Double.parseDouble(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("evidence model: " + key + " is not a number: " + value);
    }
  }
}
