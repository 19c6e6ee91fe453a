package org.qunbei.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for the API, logged in with HTTP Basic as one demo user. */
public final class Api {

  public static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final String auth;

  private Api(int port, String auth) {
    this.base = "http://localhost:" + port;
    this.auth = auth;
  }

  public static Api as(int port, String username) {
    String token =
        Base64.getEncoder()
            .encodeToString((username + ":demo123").getBytes(StandardCharsets.UTF_8));
    return new Api(port, "Basic " + token);
  }

  /** HTTP Basic with a password of the test's own (an account it made, a password it chose). */
  public static Api basic(int port, String username, String password) {
    String token =
        Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new Api(port, "Basic " + token);
  }

  /** A script's client: a personal access token instead of a password. */
  public static Api bearer(int port, String token) {
    return new Api(port, "Bearer " + token);
  }

  public static Api anonymous(int port) {
    return new Api(port, null);
  }

  public Reply get(String path) {
    return send(request(path).GET());
  }

  public Reply delete(String path) {
    return send(request(path).DELETE());
  }

  public Reply post(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Reply put(String path, String json, String ifMatch) {
    var r =
        request(path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json));
    if (ifMatch != null) {
      r.header("If-Match", ifMatch);
    }
    return send(r);
  }

  public Reply postBytes(String path, String contentType, byte[] body) {
    return send(
        request(path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  public Reply putBytes(String path, String contentType, byte[] body) {
    return send(
        request(path)
            .header("Content-Type", contentType)
            .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  public Reply send(HttpRequest.Builder r) {
    try {
      HttpResponse<byte[]> res = http.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Reply(res);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpRequest.Builder request(String path) {
    var r = HttpRequest.newBuilder(URI.create(base + path));
    if (auth != null) {
      r.header("Authorization", auth);
    }
    return r;
  }

  /** A response with its body read as JSON when it is JSON. */
  public record Reply(HttpResponse<byte[]> response) {
    public int status() {
      return response.statusCode();
    }

    public String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    public String text() {
      return new String(response.body(), StandardCharsets.UTF_8);
    }

    public byte[] bytes() {
      return response.body();
    }

    public JsonNode json() {
      return JSON.readTree(text());
    }

    /** The message the problem's errors give for a field, or null. */
    public String error(String field) {
      for (JsonNode e : json().path("errors")) {
        if (e.path("field").asString().equals(field)) {
          return e.path("message").asString();
        }
      }
      return null;
    }

    public java.util.List<String> errorFields() {
      var fields = new java.util.ArrayList<String>();
      json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
      return fields;
    }
  }
}
