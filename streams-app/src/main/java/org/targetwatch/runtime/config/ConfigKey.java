package org.targetwatch.runtime.config;

import java.util.Objects;
import java.util.function.Function;

/**
 * One configuration key: its name, type, default (as the text a user would write; {@code null} when
 * the key has none), the group it is documented under, and its documentation.
 *
 * @param check a further check of a parsed value: returns the reason it is wrong, or {@code null}
 */
public record ConfigKey(String name, ConfigType type, String defaultValue, String group, String documentation,
    Function<Object, String> check) {

  public ConfigKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(documentation, "documentation");
    if (defaultValue != null) {
      type.parse(defaultValue); // a default that does not parse is a programming error
    }
  }

  public boolean isSecret() {
    return type == ConfigType.PASSWORD || ConfigKeys.looksSecret(name);
  }

  public boolean hasDefault() {
    return defaultValue != null;
  }
}
