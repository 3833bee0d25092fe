package se.insyn.devstack.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Real signed access tokens for tests from the {@link TestIssuerResource} issuer. Everything goes
 * over HTTP, so it works from any class loader. (Tests against the real Keycloak are in e2e/.)
 */
public final class Tokens {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Tokens() {}

  /** A token for a person with the given realm roles, valid for five minutes. */
  public static String user(String subject, String... roles) {
    return mint(subject, "insyn-portal", 300, roles);
  }

  /** A token for a machine client (its service account) with the given realm roles. */
  public static String client(String clientId, String... roles) {
    return mint("service-account-" + clientId, clientId, 300, roles);
  }

  /** A correctly signed token that expired ten minutes ago. */
  public static String expired(String subject, String... roles) {
    return mint(subject, "insyn-portal", -600, roles);
  }

  private static String mint(
      String subject, String clientId, long lifetimeSeconds, String... roles) {
    String issuer = System.getProperty(TestIssuerResource.PROPERTY);
    if (issuer == null) {
      throw new IllegalStateException("TestIssuerResource is not active for this test");
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("sub", subject);
    form.put("client_id", clientId);
    form.put("roles", String.join(",", roles));
    form.put("expires_in", Long.toString(lifetimeSeconds));
    return post(issuer + "/mint", form);
  }

  private static String post(String url, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("Token request failed: " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
