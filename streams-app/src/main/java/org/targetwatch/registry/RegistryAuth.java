package org.targetwatch.registry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** How the client authenticates to the registry. {@code toString()} never shows a secret. */
public sealed interface RegistryAuth {

  /** The value of the {@code Authorization} header, if any. */
  Optional<String> authorizationHeader();

  RegistryAuth NONE = new None();

  /** No authentication. */
  record None() implements RegistryAuth {
    @Override
    public Optional<String> authorizationHeader() {
      return Optional.empty();
    }
  }

  /** HTTP basic auth. */
  record Basic(String user, String password) implements RegistryAuth {

    /** Parses {@code user:password} as Confluent's {@code basic.auth.user.info} holds it. */
    public static Basic fromUserInfo(String userInfo, String source) {
      int colon = userInfo == null ? -1 : userInfo.indexOf(':');
      if (colon <= 0) {
        // the value itself may be a secret, so it is not repeated
        throw new IllegalArgumentException(source + " must have the form user:password");
      }
      return new Basic(userInfo.substring(0, colon), userInfo.substring(colon + 1));
    }

    @Override
    public Optional<String> authorizationHeader() {
      String token = user + ":" + password;
      return Optional.of("Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
      return "Basic[user=" + user + ", password=(hidden)]";
    }
  }

  /** A static bearer token. */
  record Bearer(String token) implements RegistryAuth {
    @Override
    public Optional<String> authorizationHeader() {
      return Optional.of("Bearer " + token);
    }

    @Override
    public String toString() {
      return "Bearer[token=(hidden)]";
    }
  }
}
