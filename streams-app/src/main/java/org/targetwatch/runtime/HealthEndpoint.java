package org.targetwatch.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * {@code /health/live} (200 while the instance has not failed), {@code /health/ready} (200 only
 * in RUNNING: this instance processes its tasks) and {@code /metrics} (Prometheus text format).
 */
final class HealthEndpoint implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;

  HealthEndpoint(String host, int port, Supplier<KafkaStreams.State> state, PrometheusMeterRegistry registry) {
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 0);
    } catch (IOException e) {
      throw new StartupCheckException("cannot open the HTTP endpoint on " + host + ":" + port + " (http.port): "
          + e.getMessage(), e);
    }
    executor = Executors.newSingleThreadExecutor(r -> {
      Thread thread = new Thread(r, "targetwatch-http");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/health/live", exchange -> {
      KafkaStreams.State s = state.get();
      boolean live = s != KafkaStreams.State.ERROR && s != KafkaStreams.State.PENDING_ERROR;
      respond(exchange, live ? 200 : 503, "text/plain", s.name() + "\n");
    });
    server.createContext("/health/ready", exchange -> {
      KafkaStreams.State s = state.get();
      respond(exchange, s == KafkaStreams.State.RUNNING ? 200 : 503, "text/plain", s.name() + "\n");
    });
    server.createContext("/metrics", exchange ->
        respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape()));
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  private static void respond(HttpExchange exchange, int status, String contentType, String body) {
    try (exchange) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", contentType);
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
