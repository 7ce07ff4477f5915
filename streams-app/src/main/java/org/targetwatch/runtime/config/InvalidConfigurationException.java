package org.targetwatch.runtime.config;

import java.util.List;
import java.util.stream.Collectors;

/** The configuration cannot start targetwatch; the message is one {@code key: reason} line per problem. */
public final class InvalidConfigurationException extends RuntimeException {
  private final List<ConfigProblem> problems;

  public InvalidConfigurationException(List<ConfigProblem> problems) {
    super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public InvalidConfigurationException(String key, String reason) {
    this(List.of(new ConfigProblem(key, reason)));
  }

  public List<ConfigProblem> problems() {
    return problems;
  }
}
