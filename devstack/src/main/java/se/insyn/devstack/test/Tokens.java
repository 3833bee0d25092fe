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
import org.eclipse.microprofile.config.ConfigProvider;
import se.insyn.devstack.TestIssuer;

/**
 * Real signed tokens for tests from the {@link TestIssuerResource} issuer, shaped like Keycloak's:
 * the {@code sub} is a stable id that differs from the user name ({@link #subjectOf}), {@code aud}
 * names the service under test (its {@code quarkus.oidc.token.audience}; all three services where
 * none is configured) and {@code typ} is {@code Bearer}. Everything goes over HTTP, so it works
 * from any class loader. (Tests against the real Keycloak are in e2e/.)
 */
public final class Tokens {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static final String PORTAL = "insyn-portal";

  private Tokens() {}

  /** A token for a person with the given realm roles, valid for five minutes. */
  public static String user(String username, String... roles) {
    return mint(access(username, PORTAL, roles));
  }

  /** A token for a machine client (its service account) with the given realm roles. */
  public static String client(String clientId, String... roles) {
    return mint(access("service-account-" + clientId, clientId, roles));
  }

  /**
   * The {@code sub} of the tokens issued to a user name (or to {@code service-account-<client>}).
   */
  public static String subjectOf(String username) {
    return TestIssuer.subjectOf(username);
  }

  /** A correctly signed token that expired ten minutes ago. */
  public static String expired(String username, String... roles) {
    Map<String, String> form = access(username, PORTAL, roles);
    form.put("expires_in", "-600");
    return mint(form);
  }

  /** A person's access token for other audiences only (for example another service, or account). */
  public static String forAudience(String audience, String username, String... roles) {
    Map<String, String> form = access(username, PORTAL, roles);
    form.put("aud", audience);
    return mint(form);
  }

  /**
   * A token of another type than an access token ({@code ID} or {@code Refresh}) that otherwise
   * passes every check: it names the service under test and carries the roles.
   */
  public static String ofType(String type, String username, String... roles) {
    Map<String, String> form = access(username, PORTAL, roles);
    form.put("typ", type);
    return mint(form);
  }

  /** An access token without {@code sub}. */
  public static String withoutSubject(String username, String... roles) {
    Map<String, String> form = access(username, PORTAL, roles);
    form.put("sub", "false");
    return mint(form);
  }

  /** An access token whose roles are only in a {@code groups} claim, none in the realm roles. */
  public static String rolesOnlyInGroups(String username, String... roles) {
    Map<String, String> form = access(username, PORTAL, roles);
    form.put("roles_as", "groups");
    return mint(form);
  }

  private static Map<String, String> access(String username, String clientId, String... roles) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("username", username);
    form.put("client_id", clientId);
    form.put("roles", String.join(",", roles));
    form.put("aud", audienceUnderTest());
    form.put("expires_in", "300");
    return form;
  }

  /** The audience the service under test requires, read from its configuration. */
  private static String audienceUnderTest() {
    return ConfigProvider.getConfig()
        .getOptionalValues("quarkus.oidc.token.audience", String.class)
        .map(audiences -> String.join(",", audiences))
        .orElse(String.join(",", TestIssuer.SERVICES));
  }

  private static String mint(Map<String, String> form) {
    String issuer = System.getProperty(TestIssuerResource.PROPERTY);
    if (issuer == null) {
      throw new IllegalStateException("TestIssuerResource is not active for this test");
    }
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
