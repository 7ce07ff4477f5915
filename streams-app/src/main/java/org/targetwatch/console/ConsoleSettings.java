package org.targetwatch.console;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How the investigation console is served: where, and who may use it. Read from the
 * {@code console.*} keys ({@code runtime.config.ConfigKeys}); the demo makes its own with a random
 * token on loopback.
 *
 * @param token bearer token, also used between instances when a lookup is forwarded; null when not set
 * @param basicUser basic-auth user (the reviewer id of its sign-ins); null when not set
 * @param tokenReviewerId the reviewer id recorded for sign-ins with the token
 * @param auditFile where the audit log is appended as JSON lines; empty: the logger only
 */
public record ConsoleSettings(boolean enabled, String host, int port, String token, String basicUser,
    String basicPassword, String tokenReviewerId, Optional<Path> auditFile) {

  public static ConsoleSettings off() {
    return new ConsoleSettings(false, "127.0.0.1", 0, null, null, null, "reviewer-token", Optional.empty());
  }

  /**
   * Why these settings cannot serve a console, if they cannot: an enabled console without any
   * credentials would be open to anyone who reaches its port.
   */
  public Optional<String> problem() {
    if (!enabled) {
      return Optional.empty();
    }
    if ((basicUser == null) != (basicPassword == null)) {
      return Optional.of("console.basic.user and console.basic.password go together");
    }
    if (token == null && basicUser == null) {
      return Optional.of("an enabled console needs console.token or console.basic.user and console.basic.password");
    }
    return Optional.empty();
  }

  /** The credentials one instance presents to another when it forwards a lookup. */
  String instanceAuthorization() {
    if (token != null) {
      return "Bearer " + token;
    }
    String pair = basicUser + ":" + basicPassword;
    return "Basic " + java.util.Base64.getEncoder().encodeToString(pair.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
