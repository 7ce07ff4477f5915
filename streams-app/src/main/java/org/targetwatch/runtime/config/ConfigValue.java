package org.targetwatch.runtime.config;

/** A key's text as one layer set it, and where: {@code default}, {@code app.properties:12}, {@code env TARGETWATCH_X}, {@code --set}. */
public record ConfigValue(String key, String text, String source) {}
