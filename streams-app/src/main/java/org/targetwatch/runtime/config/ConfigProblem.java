package org.targetwatch.runtime.config;

/** One thing wrong with the configuration, printed as {@code key: reason}. */
public record ConfigProblem(String key, String reason) {
  @Override
  public String toString() {
    return key + ": " + reason;
  }
}
