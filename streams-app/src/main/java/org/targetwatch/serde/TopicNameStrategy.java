package org.targetwatch.serde;

/** Confluent's default subject naming: a topic's values live under {@code {topic}-value}, its keys under {@code {topic}-key}. */
public final class TopicNameStrategy {

  private TopicNameStrategy() {}

  public static String subjectOf(String topic, boolean isKey) {
    return topic + (isKey ? "-key" : "-value");
  }
}
