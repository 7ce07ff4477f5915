package org.targetwatch.runtime.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.server.ServerSocketFactory;

/**
 * Loopback server sockets bound to ephemeral ports before the broker starts, and handed to the
 * broker's socket server when it opens its listeners.
 *
 * <p>Binding first and handing the bound socket over means the port the configuration names is
 * the port that is open: unlike "bind to 0, read the port, close, let Kafka bind it again",
 * another process cannot take the port in between. Kafka's own test kit does the same.
 */
final class PreboundListeners implements ServerSocketFactory, AutoCloseable {

  private final Map<String, ServerSocketChannel> socketsByListener = new HashMap<>();
  private final Set<String> handedOver = new HashSet<>();

  /** Binds a loopback socket for the listener now, and returns its port. */
  synchronized int bind(String listenerName) {
    return bind(listenerName, 0);
  }

  /** Binds a loopback socket for the listener on {@code port} (0: one the system picks), and returns its port. */
  synchronized int bind(String listenerName, int port) {
    try {
      ServerSocketChannel channel = ServerSocketChannel.open();
      channel.configureBlocking(false);
      channel.setOption(java.net.StandardSocketOptions.SO_REUSEADDR, true);
      channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      socketsByListener.put(listenerName, channel);
      return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    } catch (IOException e) {
      throw new UncheckedIOException("could not bind loopback port " + (port == 0 ? "(any)" : port) + " for listener "
          + listenerName + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized ServerSocketChannel openServerSocket(
      String listenerName, InetSocketAddress address, int listenBacklogSize, int recvBufferSize)
      throws IOException {
    ServerSocketChannel prebound = socketsByListener.get(listenerName);
    if (prebound == null || handedOver.contains(listenerName)) {
      return ServerSocketFactory.INSTANCE.openServerSocket(listenerName, address, listenBacklogSize, recvBufferSize);
    }
    handedOver.add(listenerName);
    return prebound;
  }

  /** Closes the sockets the broker never took; the ones it took are closed by the broker. */
  @Override
  public synchronized void close() {
    socketsByListener.forEach((listenerName, channel) -> {
      if (!handedOver.contains(listenerName)) {
        try {
          channel.close();
        } catch (IOException ignored) {
          // a socket that will not close on shutdown leaves nothing for us to do
        }
      }
    });
  }
}
