package org.targetwatch.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.common.config.ConfigException;

/**
 * TLS settings for an {@code https} registry, from standard Java trust and key stores. Locations are
 * {@code null} when not set: without a trust store the JDK's default trust applies, without a key
 * store no client certificate is sent. {@code toString()} never shows a password.
 */
public record RegistryTls(
    String truststoreLocation,
    String truststorePassword,
    String truststoreType,
    String keystoreLocation,
    String keystorePassword,
    String keystoreType,
    String keyPassword) {

  public static final RegistryTls JDK_DEFAULTS =
      new RegistryTls(null, null, RegistryConfigKeys.DEFAULT_STORE_TYPE, null, null, RegistryConfigKeys.DEFAULT_STORE_TYPE, null);

  /** A trust store only: the common case of a registry with a private CA. */
  public static RegistryTls trusting(String truststoreLocation, String truststorePassword, String truststoreType) {
    return new RegistryTls(truststoreLocation, truststorePassword, truststoreType, null, null, RegistryConfigKeys.DEFAULT_STORE_TYPE, null);
  }

  /** Builds the SSL context these settings describe. */
  public SSLContext sslContext() {
    try {
      if (truststoreLocation == null && keystoreLocation == null) {
        return SSLContext.getDefault();
      }
      TrustManager[] trust = null;
      if (truststoreLocation != null) {
        KeyStore store = load(truststoreLocation, truststorePassword, truststoreType, RegistryConfigKeys.SSL_TRUSTSTORE_LOCATION);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        trust = factory.getTrustManagers();
      }
      KeyManager[] keys = null;
      if (keystoreLocation != null) {
        KeyStore store = load(keystoreLocation, keystorePassword, keystoreType, RegistryConfigKeys.SSL_KEYSTORE_LOCATION);
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        String password = keyPassword != null ? keyPassword : keystorePassword;
        factory.init(store, password == null ? null : password.toCharArray());
        keys = factory.getKeyManagers();
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys, trust, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new ConfigException("cannot set up TLS for the schema registry: " + e.getMessage());
    }
  }

  private static KeyStore load(String location, String password, String type, String key) {
    Path path = Path.of(location);
    try (InputStream in = Files.newInputStream(path)) {
      KeyStore store = KeyStore.getInstance(type == null ? RegistryConfigKeys.DEFAULT_STORE_TYPE : type);
      store.load(in, password == null ? null : password.toCharArray());
      return store;
    } catch (IOException | GeneralSecurityException e) {
      // IOException carries "keystore password was incorrect" and the like; never the password itself
      throw new ConfigException("cannot read " + key + " '" + location + "' (type " + type + "): " + e);
    }
  }

  @Override
  public String toString() {
    return "RegistryTls[truststore=" + truststoreLocation + " (" + truststoreType + "), keystore="
        + keystoreLocation + " (" + keystoreType + "), passwords=(hidden)]";
  }
}
