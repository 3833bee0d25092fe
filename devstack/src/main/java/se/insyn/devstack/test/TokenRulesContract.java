package se.insyn.devstack.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import se.insyn.devstack.TestIssuer;

/**
 * The token rules every service keeps (issue 21 items 1 and 2), checked with real signed tokens: a
 * service accepts only access tokens issued for it ({@code aud}), with a {@code sub}, and takes
 * roles only from the realm roles. A service's test extends this and names one call that a role may
 * make.
 */
public abstract class TokenRulesContract {

  private final String role;
  private final Function<String, Response> call;

  /**
   * @param role a role that may make the call
   * @param call makes the call with a bearer token
   */
  protected TokenRulesContract(String role, Function<String, Response> call) {
    this.role = role;
    this.call = call;
  }

  private String role() {
    return role;
  }

  private Response call(String token) {
    return call.apply(token);
  }

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
