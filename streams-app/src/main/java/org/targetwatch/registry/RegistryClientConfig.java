package org.targetwatch.registry;

import static org.targetwatch.registry.RegistryConfigKeys.*;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Everything a schema registry client needs, read from Confluent-style keys ({@link RegistryConfigKeys}).
 *
 * @param urls base URLs, tried in order when a connection fails; all {@code http(s)}, or one {@code mock://scope}.
 *     They never carry user info: credentials in a URL are moved into {@code auth}.
 */
public record RegistryClientConfig(
    List<URI> urls,
    RegistryAuth auth,
    RegistryTls tls,
    Duration connectTimeout,
    Duration requestTimeout,
    boolean autoRegisterSchemas) {

  private static final String MOCK_SCHEME = "mock";

  public RegistryClientConfig {
    urls = List.copyOf(urls);
    if (urls.isEmpty()) {
      throw missingUrl();
    }
    boolean mock = MOCK_SCHEME.equals(urls.get(0).getScheme());
    if (mock && urls.size() > 1) {
      throw new ConfigException(URL + " may name only one mock:// scope, got " + urls.size() + " URLs");
    }
  }

  /** Reads the client configuration from Kafka-style configs (values as strings, numbers, booleans or {@link Password}s). */
  public static RegistryClientConfig from(Map<String, ?> configs) {
    String urlValue = text(configs, URL);
    if (urlValue == null || urlValue.isBlank()) {
      throw missingUrl();
    }
    List<URI> urls = new ArrayList<>();
    String urlUserInfo = null;
    for (String part : urlValue.split(",")) {
      URI uri = parseUrl(part.trim());
      if (uri.getRawUserInfo() != null) {
        urlUserInfo = uri.getUserInfo();
        uri = withoutUserInfo(uri);
      }
      urls.add(uri);
    }
    return new RegistryClientConfig(
        urls,
        auth(configs, urlUserInfo),
        tls(configs),
        Duration.ofMillis(positiveLong(configs, CONNECT_TIMEOUT_MS, DEFAULT_CONNECT_TIMEOUT_MS)),
        Duration.ofMillis(positiveLong(configs, REQUEST_TIMEOUT_MS, DEFAULT_REQUEST_TIMEOUT_MS)),
        bool(configs, AUTO_REGISTER_SCHEMAS, DEFAULT_AUTO_REGISTER_SCHEMAS));
  }

  /** A configuration with defaults for everything but the URL(s). */
  public static RegistryClientConfig forUrl(String url) {
    return from(Map.of(URL, url));
  }

  public RegistryClientConfig withAuth(RegistryAuth newAuth) {
    return new RegistryClientConfig(urls, newAuth, tls, connectTimeout, requestTimeout, autoRegisterSchemas);
  }

  public RegistryClientConfig withTls(RegistryTls newTls) {
    return new RegistryClientConfig(urls, auth, newTls, connectTimeout, requestTimeout, autoRegisterSchemas);
  }

  public RegistryClientConfig withRequestTimeout(Duration timeout) {
    return new RegistryClientConfig(urls, auth, tls, connectTimeout, timeout, autoRegisterSchemas);
  }

  public RegistryClientConfig withAutoRegisterSchemas(boolean autoRegister) {
    return new RegistryClientConfig(urls, auth, tls, connectTimeout, requestTimeout, autoRegister);
  }

  /** True for a {@code mock://scope} URL: an in-memory registry shared by everything in this JVM naming that scope. */
  public boolean isMock() {
    return MOCK_SCHEME.equals(urls.get(0).getScheme());
  }

  /** The scope of a {@code mock://scope} URL. */
  public String mockScope() {
    if (!isMock()) {
      throw new IllegalStateException("not a mock:// registry URL: " + urls.get(0));
    }
    return urls.get(0).toString().substring((MOCK_SCHEME + "://").length());
  }

  /** Just {@code auto.register.schemas} (default true), for serdes handed a ready client. */
  public static boolean autoRegisterSchemas(Map<String, ?> configs) {
    return bool(configs, AUTO_REGISTER_SCHEMAS, DEFAULT_AUTO_REGISTER_SCHEMAS);
  }

  private static ConfigException missingUrl() {
    return new ConfigException(URL + " is missing: set it to the registry's base URL (http(s)://host:port, several"
        + " separated by commas) or to mock://scope for an in-memory registry");
  }

  private static URI parseUrl(String url) {
    String expected = ": expected http://host:port, https://host:port or mock://scope";
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new ConfigException(URL + " '" + redactUserInfo(url) + "' is not a valid URL" + expected);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals(MOCK_SCHEME)) {
      if (url.length() <= (MOCK_SCHEME + "://").length()) {
        throw new ConfigException(URL + " '" + url + "' names no scope" + expected);
      }
      return uri;
    }
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new ConfigException(URL + " '" + redactUserInfo(url) + "' is not valid" + expected);
    }
    return uri;
  }

  private static String redactUserInfo(String url) {
    int at = url.indexOf('@');
    int scheme = url.indexOf("://");
    return at > 0 && scheme > 0 && at > scheme ? url.substring(0, scheme + 3) + "(hidden)@" + url.substring(at + 1) : url;
  }

  private static URI withoutUserInfo(URI uri) {
    try {
      return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), uri.getFragment());
    } catch (URISyntaxException e) {
      throw new ConfigException(URL + " cannot be parsed without its user info");
    }
  }

  private static RegistryAuth auth(Map<String, ?> configs, String urlUserInfo) {
    String basicSource = text(configs, BASIC_AUTH_CREDENTIALS_SOURCE);
    String userInfo = text(configs, BASIC_AUTH_USER_INFO);
    String token = text(configs, BEARER_AUTH_TOKEN);
    String bearerSource = text(configs, BEARER_AUTH_CREDENTIALS_SOURCE);
    RegistryAuth basic = RegistryAuth.NONE;
    // Confluent reads basic.auth.user.info only with source USER_INFO; we also take it when no source is set
    String source = basicSource == null ? (userInfo != null ? "USER_INFO" : "URL") : basicSource.toUpperCase(Locale.ROOT);
    switch (source) {
      case "USER_INFO" -> {
        if (userInfo == null || userInfo.isBlank()) {
          throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE + " is USER_INFO but " + BASIC_AUTH_USER_INFO + " is not set");
        }
        basic = basicFrom(userInfo, BASIC_AUTH_USER_INFO);
      }
      case "URL" -> {
        if (urlUserInfo != null) {
          basic = basicFrom(urlUserInfo, "the user info of " + URL);
        }
      }
      default -> throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE + " '" + basicSource
          + "' is not supported: use USER_INFO or URL");
    }
    if (bearerSource != null && !bearerSource.equalsIgnoreCase("STATIC_TOKEN")) {
      throw new ConfigException(BEARER_AUTH_CREDENTIALS_SOURCE + " '" + bearerSource + "' is not supported: use STATIC_TOKEN");
    }
    if (token != null && !token.isBlank()) {
      if (basic != RegistryAuth.NONE) {
        throw new ConfigException("both basic auth and " + BEARER_AUTH_TOKEN + " are set for the schema registry: set only one");
      }
      return new RegistryAuth.Bearer(token);
    }
    return basic;
  }

  private static RegistryAuth.Basic basicFrom(String userInfo, String source) {
    try {
      return RegistryAuth.Basic.fromUserInfo(userInfo, source);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  private static RegistryTls tls(Map<String, ?> configs) {
    return new RegistryTls(
        text(configs, SSL_TRUSTSTORE_LOCATION),
        text(configs, SSL_TRUSTSTORE_PASSWORD),
        textOr(configs, SSL_TRUSTSTORE_TYPE, DEFAULT_STORE_TYPE),
        text(configs, SSL_KEYSTORE_LOCATION),
        text(configs, SSL_KEYSTORE_PASSWORD),
        textOr(configs, SSL_KEYSTORE_TYPE, DEFAULT_STORE_TYPE),
        text(configs, SSL_KEY_PASSWORD));
  }

  private static String text(Map<String, ?> configs, String key) {
    Object value = configs.get(key);
    if (value == null) {
      return null;
    }
    String text = value instanceof Password password ? password.value() : value.toString();
    return text.isBlank() ? null : text.trim();
  }

  private static String textOr(Map<String, ?> configs, String key, String fallback) {
    String value = text(configs, key);
    return value == null ? fallback : value;
  }

  private static long positiveLong(Map<String, ?> configs, String key, long fallback) {
    String value = text(configs, key);
    if (value == null) {
      return fallback;
    }
    try {
      long parsed = Long.parseLong(value);
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below, with the key
    }
    throw new ConfigException(key + " must be a positive number of milliseconds, got '" + value + "'");
  }

  private static boolean bool(Map<String, ?> configs, String key, boolean fallback) {
    String value = text(configs, key);
    if (value == null) {
      return fallback;
    }
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value);
    }
    throw new ConfigException(key + " must be true or false, got '" + value + "'");
  }
}
