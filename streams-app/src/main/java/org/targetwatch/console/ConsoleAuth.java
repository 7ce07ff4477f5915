package org.targetwatch.console;

import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is asking: a bearer token ({@code Authorization: Bearer}), basic credentials, a session
 * cookie, or a token in the query ({@code ?token=}) once, which a browser exchanges for the cookie.
 * Secrets are compared in constant time; the answer is the reviewer's opaque id or nothing.
 */
final class ConsoleAuth {
  static final String SESSION_COOKIE = "targetwatch_session";
  private static final Duration SESSION_LIFETIME = Duration.ofHours(12);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ConsoleSettings settings;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  private record Session(String reviewerId, long expiresAtNanos) {}

  ConsoleAuth(ConsoleSettings settings) {
    this.settings = settings;
  }

  /** A random token for the demo: 32 bytes, hex. */
  static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** The reviewer behind the request's header or session cookie. */
  Optional<String> reviewer(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header != null) {
      return fromHeader(header);
    }
    return sessionId(exchange).flatMap(this::fromSession);
  }

  /** The reviewer a {@code ?token=} stands for, when it is the token. */
  Optional<String> reviewerForQueryToken(String token) {
    return settings.token() != null && same(token, settings.token()) ? Optional.of(settings.tokenReviewerId())
        : Optional.empty();
  }

  /** Starts a session for a reviewer; returns the Set-Cookie value. */
  String startSession(String reviewerId) {
    String id = randomToken();
    sessions.put(id, new Session(reviewerId, System.nanoTime() + SESSION_LIFETIME.toNanos()));
    return SESSION_COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + SESSION_LIFETIME.toSeconds();
  }

  private Optional<String> fromHeader(String header) {
    if (header.regionMatches(true, 0, "Bearer ", 0, 7) && settings.token() != null) {
      return same(header.substring(7).strip(), settings.token()) ? Optional.of(settings.tokenReviewerId()) : Optional.empty();
    }
    if (header.regionMatches(true, 0, "Basic ", 0, 6) && settings.basicUser() != null) {
      String pair;
      try {
        pair = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException notBase64) {
        return Optional.empty();
      }
      int colon = pair.indexOf(':');
      if (colon < 0) {
        return Optional.empty();
      }
      boolean userMatches = same(pair.substring(0, colon), settings.basicUser());
      boolean passwordMatches = same(pair.substring(colon + 1), settings.basicPassword());
      return userMatches & passwordMatches ? Optional.of(settings.basicUser()) : Optional.empty();
    }
    return Optional.empty();
  }

  private Optional<String> fromSession(String id) {
    Session session = sessions.get(id);
    if (session == null) {
      return Optional.empty();
    }
    if (System.nanoTime() - session.expiresAtNanos() > 0) {
      sessions.remove(id);
      return Optional.empty();
    }
    return Optional.of(session.reviewerId());
  }

  private static Optional<String> sessionId(HttpExchange exchange) {
    for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
      for (String cookie : header.split(";")) {
        String c = cookie.strip();
        if (c.startsWith(SESSION_COOKIE + "=")) {
          return Optional.of(c.substring(SESSION_COOKIE.length() + 1));
        }
      }
    }
    return Optional.empty();
  }

  /** Constant-time comparison (of digests, so that the length of the secret does not show either). */
  private static boolean same(String given, String expected) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] a = sha.digest(given.getBytes(StandardCharsets.UTF_8));
      byte[] b = MessageDigest.getInstance("SHA-256").digest(expected.getBytes(StandardCharsets.UTF_8));
      return MessageDigest.isEqual(a, b);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
