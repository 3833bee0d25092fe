package se.insyn.consent.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A cookie-keeping HTTP client that logs in to the portal the way a browser does: the page sends it
 * to the test issuer's login form, it submits a user name and roles, and follows the redirects
 * back. Every response on the way is kept, so tests can look at each hop.
 */
final class CodeFlowClient {

  private static final Pattern HIDDEN =
      Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

  private final URI base;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http;
  final List<HttpResponse<String>> hops = new ArrayList<>();

  CodeFlowClient(URI base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Logs in as {@code user} with these realm roles and returns the page it lands on. */
  HttpResponse<String> login(String path, String user, String... roles) {
    HttpResponse<String> form = get(path);
    assertEquals(200, form.statusCode(), "the issuer's login form: " + form.uri());
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher hidden = HIDDEN.matcher(form.body());
    while (hidden.find()) {
      fields.put(hidden.group(1), unescape(hidden.group(2)));
    }
    fields.put("username", user);
    fields.put("roles", String.join(",", roles));
    return post(form.uri().resolve("/authorize"), fields);
  }

  HttpResponse<String> get(String path, String... headers) {
    return follow(request(base.resolve(path), headers).GET().build());
  }

  HttpResponse<String> post(String path, Map<String, String> form) {
    return post(base.resolve(path), form);
  }

  private HttpResponse<String> post(URI uri, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return follow(
        request(uri)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** The first response only, without following a redirect. */
  HttpResponse<String> once(String path) {
    return send(request(base.resolve(path)).GET().build());
  }

  List<HttpCookie> cookies() {
    return cookies.getCookieStore().getCookies();
  }

  /** Set-Cookie headers seen on the way, for attributes the cookie store forgets (SameSite). */
  List<String> setCookies() {
    return hops.stream().flatMap(r -> r.headers().allValues("Set-Cookie").stream()).toList();
  }

  private HttpResponse<String> follow(HttpRequest first) {
    HttpResponse<String> response = send(first);
    for (int i = 0; i < 10 && response.statusCode() / 100 == 3; i++) {
      String location = response.headers().firstValue("Location").orElseThrow();
      response = send(request(response.uri().resolve(location)).GET().build());
    }
    assertTrue(response.statusCode() / 100 != 3, "too many redirects");
    return response;
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      hops.add(response);
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpRequest.Builder request(URI uri, String... headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return builder;
  }

  static String unescape(String html) {
    return html.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }
}
