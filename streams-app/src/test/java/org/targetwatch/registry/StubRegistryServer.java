package org.targetwatch.registry;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/** A misbehaving registry on loopback: answers every request with one fixed status and body, or never answers. */
final class StubRegistryServer implements AutoCloseable {

  private final HttpServer server;
  private final CountDownLatch released = new CountDownLatch(1);

  private StubRegistryServer(int status, String body, boolean silent) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", exchange -> {
      try (exchange) {
        if (silent) {
          released.await(); // hold the request until the test is over
          return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    server.start();
  }

  static StubRegistryServer answering(int status, String body) {
    return new StubRegistryServer(status, body, false);
  }

  static StubRegistryServer neverAnswering() {
    return new StubRegistryServer(0, "", true);
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
  }
}
