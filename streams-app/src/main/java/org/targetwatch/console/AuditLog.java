package org.targetwatch.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who did what, when: every verdict and every account lookup, as one JSON line of ids only (the
 * reviewer's opaque id, the account, the alert, the verdict). Written to the logger
 * {@code targetwatch.audit} and, when {@code console.audit.file} is set, appended to that file.
 */
final class AuditLog {
  private static final Logger LOG = LoggerFactory.getLogger("targetwatch.audit");
  private final Optional<Path> file;

  AuditLog(Optional<Path> file) {
    this.file = file;
    file.ifPresent(path -> {
      try {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        Files.writeString(path, "", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the audit log " + path + " (console.audit.file): " + e.getMessage(), e);
      }
    });
  }

  void lookup(String reviewerId, String accountId) {
    write(entry("account_lookup", reviewerId, accountId));
  }

  /** An alert page: it shows the account's state, so it is a lookup of the account too. */
  void alertView(String reviewerId, String accountId, String alertId) {
    Map<String, Object> entry = entry("account_lookup", reviewerId, accountId);
    entry.put("alertId", alertId);
    write(entry);
  }

  void verdict(String reviewerId, String accountId, String alertId, String verdict, String eventId) {
    Map<String, Object> entry = entry("review_verdict", reviewerId, accountId);
    entry.put("alertId", alertId);
    entry.put("verdict", verdict);
    entry.put("eventId", eventId);
    write(entry);
  }

  private static Map<String, Object> entry(String action, String reviewerId, String accountId) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("at", Instant.now().toString());
    entry.put("action", action);
    entry.put("reviewerId", reviewerId);
    entry.put("accountId", accountId);
    return entry;
  }

  private synchronized void write(Map<String, Object> entry) {
    String line;
    try {
      line = ConsoleHttp.JSON.writeValueAsString(entry);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LOG.info("{}", line);
    file.ifPresent(path -> {
      try {
        Files.writeString(path, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } catch (IOException e) {
        LOG.error("could not append to the audit log {}: {}", path, e.getMessage());
      }
    });
  }
}
