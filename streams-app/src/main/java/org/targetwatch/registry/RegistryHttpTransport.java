package org.targetwatch.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Sends one REST request to the registry: tries the base URLs in order while connections fail, adds
 * the auth header, and turns every failure into a one-line {@link SchemaRegistryException} that
 * says what was asked. Messages never contain credentials (the URLs carry none, see
 * {@link RegistryClientConfig}).
 */
final class RegistryHttpTransport {

  private static final int BODY_SNIPPET_CHARS = 80;

  private final RegistryClientConfig config;
  private final HttpClient http;
  private final Optional<String> authorization;

  RegistryHttpTransport(RegistryClientConfig config) {
    this.config = config;
    HttpClient.Builder builder = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1) // registries speak HTTP/1.1; no h2c upgrade attempts
        .connectTimeout(config.connectTimeout());
    if (config.urls().stream().anyMatch(url -> "https".equalsIgnoreCase(url.getScheme()))) {
      builder.sslContext(config.tls().sslContext());
    }
    this.http = builder.build();
    this.authorization = config.auth().authorizationHeader();
  }

  /**
   * Sends the request and returns the JSON answer of a 2xx response.
   *
   * @param asked what the caller wants, for messages: "fetch schema id 7"
   * @param path the path below the base URL, already encoded: "/schemas/ids/7"
   * @param jsonBody the body of a POST, or null for a GET
   */
  JsonNode send(String asked, String path, String jsonBody) {
    String method = jsonBody == null ? "GET" : "POST";
    List<String> refused = new ArrayList<>();
    IOException lastRefusal = null;
    for (URI base : config.urls()) {
      URI uri = URI.create(stripTrailingSlash(base.toString()) + path);
      String target = method + " " + uri;
      try {
        HttpResponse<String> response = http.send(request(uri, jsonBody), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return answer(asked, target, response);
      } catch (HttpConnectTimeoutException e) {
        lastRefusal = e;
        refused.add("no connection to " + base + " within " + config.connectTimeout().toMillis() + " ms");
      } catch (ConnectException e) {
        lastRefusal = e;
        refused.add("connection refused by " + base);
      } catch (HttpTimeoutException e) {
        throw failure(asked, "no answer to " + target + " within " + config.requestTimeout().toMillis()
            + " ms (" + RegistryConfigKeys.REQUEST_TIMEOUT_MS + ")", e);
      } catch (SSLException e) {
        throw failure(asked, "TLS with " + base + " failed: " + oneLine(e.getMessage()) + " (check "
            + RegistryConfigKeys.SSL_TRUSTSTORE_LOCATION + ")", e);
      } catch (IOException e) {
        throw failure(asked, target + " failed: " + oneLine(String.valueOf(e)), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failure(asked, "interrupted while waiting for " + target, e);
      }
    }
    throw failure(asked, String.join("; ", refused) + (config.urls().size() > 1 ? " (tried all " + config.urls().size() + " URLs)" : ""), lastRefusal);
  }

  private HttpRequest request(URI uri, String jsonBody) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
        .timeout(config.requestTimeout())
        .header("Accept", RegistryJson.CONTENT_TYPE + ", application/json");
    authorization.ifPresent(value -> builder.header("Authorization", value));
    if (jsonBody == null) {
      return builder.GET().build();
    }
    return builder.header("Content-Type", RegistryJson.CONTENT_TYPE)
        .POST(HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8))
        .build();
  }

  private static JsonNode answer(String asked, String target, HttpResponse<String> response) {
    int status = response.statusCode();
    String body = response.body();
    if (status / 100 == 2) {
      return RegistryJson.parse(body).orElseThrow(() -> new SchemaRegistryException(
          prefix(asked) + target + " answered HTTP " + status + " with a body that is not JSON: " + snippet(body), status, SchemaRegistryException.NONE));
    }
    String hint = status == 401 || status == 403
        ? " (check " + RegistryConfigKeys.BASIC_AUTH_USER_INFO + " or " + RegistryConfigKeys.BEARER_AUTH_TOKEN + ")"
        : "";
    Optional<RegistryJson.RegistryError> error = RegistryJson.parseError(body);
    if (error.isPresent()) {
      throw new SchemaRegistryException(prefix(asked) + target + " answered HTTP " + status + ", error_code "
          + error.get().errorCode() + ": " + oneLine(error.get().message()) + hint, status, error.get().errorCode());
    }
    throw new SchemaRegistryException(prefix(asked) + target + " answered HTTP " + status
        + " with a body that is not a registry error: " + snippet(body) + hint, status, SchemaRegistryException.NONE);
  }

  /** A 2xx answer whose JSON lacks what was asked for. */
  static SchemaRegistryException malformedAnswer(String asked, String what) {
    return new SchemaRegistryException(prefix(asked) + what, SchemaRegistryException.NONE, SchemaRegistryException.NONE);
  }

  private static SchemaRegistryException failure(String asked, String what, Throwable cause) {
    return new SchemaRegistryException(prefix(asked) + what, cause);
  }

  private static String prefix(String asked) {
    return "Schema registry could not " + asked + ": ";
  }

  private static String snippet(String body) {
    if (body == null || body.isEmpty()) {
      return "(empty body)";
    }
    String line = oneLine(body);
    return "'" + (line.length() > BODY_SNIPPET_CHARS ? line.substring(0, BODY_SNIPPET_CHARS) + "...'" : line + "'")
        + " (" + body.length() + " chars)";
  }

  static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s+", " ").trim();
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
