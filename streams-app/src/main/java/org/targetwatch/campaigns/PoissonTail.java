package org.targetwatch.campaigns;

/** P(X >= k) for a Poisson count X with mean lambda: how often chance alone gives k or more. */
final class PoissonTail {
  private PoissonTail() {}

  static double atLeast(int k, double lambda) {
    if (k <= 0) {
      return 1.0;
    }
    if (lambda <= 0) {
      return 0.0;
    }
    if (lambda > k) {
      return 1.0 - below(k, lambda); // the bulk is above k: the complement is the accurate side
    }
    // summed upwards from k: exact for the tiny tails a real link has, with no cancellation
    double term = Math.exp(-lambda + k * Math.log(lambda) - logFactorial(k));
    double tail = 0;
    for (int i = k; term > tail * 1e-12 && i < k + 1000; i++) {
      tail += term;
      term *= lambda / (i + 1);
    }
    return Math.min(1.0, tail);
  }

  private static double below(int k, double lambda) {
    double term = Math.exp(-lambda);
    double sum = 0;
    for (int i = 0; i < k; i++) {
      sum += term;
      term *= lambda / (i + 1);
    }
    return sum;
  }

  private static double logFactorial(int n) {
    double sum = 0;
    for (int i = 2; i <= n; i++) {
      sum += Math.log(i);
    }
    return sum;
  }
}
