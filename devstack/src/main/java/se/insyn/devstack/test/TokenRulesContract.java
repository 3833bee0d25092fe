package se.insyn.devstack.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import se.insyn.devstack.TestIssuer;

/**
 * The token rules every service keeps (issue 21 items 1 and 2), checked with real signed tokens: a
 * service accepts only access tokens issued for it ({@code aud}), with a {@code sub}, and takes
 * roles only from the realm roles. A service's test extends this and names one call that its {@link
 * #role()} may make.
 */
public abstract class TokenRulesContract {

  /** A role that may make {@link #call}. */
  protected abstract String role();

  /** Makes a call that the role may make, with this bearer token. */
  protected abstract Response call(String token);

  @Test
  void anAccessTokenForThisServiceWithTheRoleIsAccepted() {
    int status = call(Tokens.user("rules-" + role(), role())).statusCode();
    assertEquals(2, status / 100, "the right token must pass, or the refusals below prove nothing");
  }

  @Test
  void aTokenIssuedForAnotherServiceIsUnauthenticated() {
    String audience =
        ConfigProvider.getConfig().getValue("quarkus.oidc.token.audience", String.class);
    String other =
        TestIssuer.SERVICES.stream().filter(s -> !s.equals(audience)).findFirst().orElseThrow();
    assertUnauthenticated(Tokens.forAudience(other, "rules-" + role(), role()), "aud " + other);
  }

  @Test
  void aTokenOnlyForTheAccountConsoleIsUnauthenticated() {
    assertUnauthenticated(Tokens.forAudience("account", "rules-" + role(), role()), "aud account");
  }

  @Test
  void anIdTokenIsNoBearerToken() {
    assertUnauthenticated(Tokens.ofType("ID", "rules-" + role(), role()), "typ ID");
  }

  @Test
  void aRefreshTokenIsNoBearerToken() {
    assertUnauthenticated(Tokens.ofType("Refresh", "rules-" + role(), role()), "typ Refresh");
  }

  @Test
  void aTokenWithoutSubNamesNobodyAndIsUnauthenticated() {
    assertUnauthenticated(Tokens.withoutSubject("rules-" + role(), role()), "no sub");
  }

  @Test
  void aRoleOnlyInTheGroupsClaimIsNoRole() {
    assertEquals(
        403,
        call(Tokens.rolesOnlyInGroups("rules-" + role(), role())).statusCode(),
        "issue 21 item 2: roles come from realm_access.roles only");
  }

  private void assertUnauthenticated(String token, String what) {
    Response response = call(token);
    assertEquals(401, response.statusCode(), "issue 21: a token with " + what + " is refused");
    assertTrue(
        response.contentType().startsWith("application/problem+json"),
        "a refusal is a problem: " + response.contentType());
  }
}
