package org.qunbei.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A signed-in browser session posting page forms (and API calls with the CSRF header). */
public final class PageSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private String csrf;

  private final int port;

  public PageSession(int port, String username, String password) {
    this.port = port;
    csrf = token(get("/login").body());
    var signedIn = form("/login", Map.of("username", username, "password", password));
    if (signedIn.statusCode() != 302
        || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
      throw new IllegalStateException("cannot sign in as " + username);
    }
    // The sign-in renewed the session and its token: read it off the landing page's forms.
    var home = get("/");
    String to = home.headers().firstValue("Location").orElse(null);
    csrf = token(to == null ? home.body() : get(URI.create(to).getPath()).body());
  }

  public String csrf() {
    return csrf;
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  /** A form post of fields given as name/value pairs (a name may repeat). */
  public HttpResponse<String> form(String path, Map<String, String> fields) {
    var pairs = new java.util.ArrayList<String[]>();
    fields.forEach((k, v) -> pairs.add(new String[] {k, v}));
    return form(path, pairs);
  }

  public HttpResponse<String> form(String path, java.util.List<String[]> fields) {
    StringBuilder body = new StringBuilder("_csrf=").append(enc(csrf));
    for (String[] f : fields) {
      body.append('&').append(enc(f[0])).append('=').append(enc(f[1]));
    }
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  /** A JSON call on the API with the browser's session and its CSRF token. */
  public HttpResponse<String> json(String method, String path, String json) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .header("X-CSRF-TOKEN", csrf)
            .method(method, HttpRequest.BodyPublishers.ofString(json)));
  }

  private HttpResponse<String> send(HttpRequest.Builder r) {
    try {
      return http.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String token(String page) {
    Matcher m = CSRF.matcher(page);
    if (!m.find()) {
      throw new IllegalStateException("no CSRF token on the page");
    }
    return m.group(1);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
