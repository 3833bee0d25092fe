package se.insyn.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.insyn.devstack.KeycloakServer;
import se.insyn.devstack.LocalRealm;
import se.insyn.devstack.Suite;
import se.insyn.devstack.SuiteService;

/**
 * Each service, as a packaged jar in its own process, accepts tokens from the real Keycloak with
 * the suite's realm and enforces the roles in them. Issue 21: each client's tokens name exactly the
 * services it calls and carry exactly the roles it needs; a token for one service is refused by
 * another; ID and refresh tokens are no bearer tokens; a second factor is required for the roles
 * that see recordings or audit data or approve things; a phone system acts only for its own lines
 * and never asks the consent decision API.
 */
@ExtendWith(SuiteExtension.class)
class RealKeycloakIT {

  private static final String EVENTS_QUERY =
      "/api/v1/events?purpose=INTERNAL_CONTROL&caseRef=E2E-2026-1&type=policy.approved&from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z";

  @Test
  void consentServiceAcceptsAKeycloakEmployeeAndRefusesAnItOperator(Suite suite) {
    String url = suite.service(SuiteService.CONSENT).baseUrl() + "/api/v1/purposes";
    given().auth().oauth2(user(suite, "demo-employee")).get(url).then().statusCode(200);
    given()
        .auth()
        .oauth2(user(suite, "demo-it-operator"))
        .get(url)
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
  }

  @Test
  void recordingServiceAcceptsAKeycloakRecordingAdminAndRefusesThePhoneSystem(Suite suite) {
    String url = suite.service(SuiteService.RECORDING).baseUrl() + "/api/v1/channels";
    given().auth().oauth2(user(suite, "demo-recording-admin")).get(url).then().statusCode(200);
    given()
        .auth()
        .oauth2(suite.keycloak().clientToken("demo-pbx", "demo-pbx-dev-secret"))
        .get(url)
        .then()
        .statusCode(403);
  }

  @Test
  void thePhoneSystemNeverReadsConsentStateAtTheDecisionApi(Suite suite) {
    given()
        .auth()
        .oauth2(suite.keycloak().clientToken("demo-pbx", "demo-pbx-dev-secret"))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "purpose",
                "call-recording-caller",
                "subjects",
                List.of(Map.of("type", "phone", "value", "+46701234567"))))
        .post(suite.service(SuiteService.CONSENT).baseUrl() + "/api/v1/decisions")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
  }

  @Test
  void auditServiceAcceptsAKeycloakAuditorAndRefusesAWritingServiceAccount(Suite suite) {
    String url = suite.service(SuiteService.AUDIT).baseUrl() + EVENTS_QUERY;
    given().auth().oauth2(user(suite, "demo-auditor")).get(url).then().statusCode(200);
    given()
        .auth()
        .oauth2(suite.keycloak().clientToken("consent-service", "consent-service-dev-secret"))
        .get(url)
        .then()
        .statusCode(403);
  }

  @Test
  void aTokenFromAnotherIssuerIsRefusedEverywhere(Suite suite) {
    String foreign =
        "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9."
            + "eyJpc3MiOiJodHRwczovL2V2aWwuZXhhbXBsZSIsInN1YiI6Im1hbGxvcnkiLCJyZWFsbV9hY2Nlc3MiOnsicm9sZXMiOlsiZHBvIl19fQ."
            + "c2lnbmF0dXJl";
    for (String url :
        new String[] {
          suite.service(SuiteService.CONSENT).baseUrl() + "/api/v1/purposes",
          suite.service(SuiteService.RECORDING).baseUrl() + "/api/v1/channels",
          suite.service(SuiteService.AUDIT).baseUrl() + EVENTS_QUERY
        }) {
      given().auth().oauth2(foreign).get(url).then().statusCode(401);
    }
  }

  @Test
  void healthIsAnonymousOnEveryService(Suite suite) {
    for (SuiteService service : SuiteService.values()) {
      given()
          .get(suite.service(service).baseUrl() + "/q/health/ready")
          .then()
          .statusCode(200)
          .body("status", equalTo("UP"));
    }
  }

  /** One demo user per role that needs a second factor (issue 21 item 6). */
  private static final List<String> SECOND_FACTOR_USERS =
      List.of(
          "demo-dpo",
          "demo-reviewer",
          "demo-policy-approver",
          "demo-investigator",
          "demo-auditor",
          "demo-incident-handler",
          "demo-records-officer");

  @Test
  void everyRoleThatSeesRecordingsOrAuditDataOrApprovesNeedsATotpCode(Suite suite) {
    String issuer = suite.keycloak().issuer();
    for (String username : SECOND_FACTOR_USERS) {
      HttpResponse<String> passwordOnly =
          KeycloakServer.passwordGrant(issuer, username, "demo", null);
      assertEquals(400, passwordOnly.statusCode(), username + ": " + passwordOnly.body());
      assertEquals("invalid_grant", new JsonPath(passwordOnly.body()).getString("error"));
      assertFalse(passwordOnly.body().contains("access_token"), passwordOnly.body());
      String code = LocalRealm.totpCode(username, Instant.now()).orElseThrow();
      HttpResponse<String> withCode = KeycloakServer.passwordGrant(issuer, username, "demo", code);
      assertEquals(200, withCode.statusCode(), username + ": " + withCode.body());
    }
    HttpResponse<String> officer =
        KeycloakServer.passwordGrant(issuer, "demo-employee", "demo", null);
    assertEquals(200, officer.statusCode(), "an officer needs no second factor: " + officer.body());
  }

  @Test
  void eachClientsTokensNameExactlyTheServicesItCallsWithExactlyItsRoles(Suite suite) {
    KeycloakServer keycloak = suite.keycloak();
    assertClaims(
        keycloak.clientToken("consent-service", "consent-service-dev-secret"),
        Set.of("audit-service", "recording-service"),
        Set.of("audit-writer", "platform-scope-reader"));
    assertClaims(
        keycloak.clientToken("recording-service", "recording-service-dev-secret"),
        Set.of("consent-service", "audit-service"),
        Set.of("decision-client", "audit-writer"));
    assertClaims(
        keycloak.clientToken("audit-service", "audit-service-dev-secret"), Set.of(), Set.of());
    for (String pbx : List.of("demo-pbx", "demo-pbx-2")) {
      assertClaims(
          keycloak.clientToken(pbx, pbx + "-dev-secret"),
          Set.of("recording-service", "consent-service"),
          Set.of("recorder"));
    }
    assertClaims(
        user(suite, "demo-employee"),
        Set.of("consent-service", "recording-service", "audit-service"),
        Set.of("employee"));
    assertClaims(
        user(suite, "demo-policy-lead"),
        Set.of("consent-service", "recording-service", "audit-service"),
        Set.of("recording-admin", "policy-approver", "totp-required"));
  }

  @Test
  void aTokenForOneServiceIsRefusedByAnother(Suite suite) {
    KeycloakServer keycloak = suite.keycloak();
    String forAuditAndRecording =
        keycloak.clientToken("consent-service", "consent-service-dev-secret");
    String forConsentAndAudit =
        keycloak.clientToken("recording-service", "recording-service-dev-secret");
    String forRecordingAndConsent = keycloak.clientToken("demo-pbx", "demo-pbx-dev-secret");
    String consent = suite.service(SuiteService.CONSENT).baseUrl() + "/api/v1/purposes";
    String recording = suite.service(SuiteService.RECORDING).baseUrl() + "/api/v1/channels";
    String audit = suite.service(SuiteService.AUDIT).baseUrl() + EVENTS_QUERY;
    given().auth().oauth2(forAuditAndRecording).get(consent).then().statusCode(401);
    given().auth().oauth2(forConsentAndAudit).get(recording).then().statusCode(401);
    given().auth().oauth2(forRecordingAndConsent).get(audit).then().statusCode(401);
  }

  @Test
  void anIdTokenOrARefreshTokenIsNoBearerToken(Suite suite) {
    HttpResponse<String> grant =
        KeycloakServer.passwordGrant(suite.keycloak().issuer(), "demo-consent-admin", "demo", null);
    assertEquals(200, grant.statusCode(), grant.body());
    JsonPath tokens = new JsonPath(grant.body());
    String url = suite.service(SuiteService.CONSENT).baseUrl() + "/api/v1/purposes";
    given().auth().oauth2(tokens.getString("access_token")).get(url).then().statusCode(200);
    given().auth().oauth2(tokens.getString("id_token")).get(url).then().statusCode(401);
    given().auth().oauth2(tokens.getString("refresh_token")).get(url).then().statusCode(401);
  }

  @Test
  void aSecondPlatformCannotAskForTheFirstPlatformsLine(Suite suite) {
    InsynClient insyn =
        new InsynClient(
            suite.service(SuiteService.CONSENT).baseUrl(),
            suite.service(SuiteService.RECORDING).baseUrl(),
            suite.service(SuiteService.AUDIT).baseUrl());
    String channel =
        insyn.channelServedBy(
            user(suite, "demo-recording-admin"), "Växeln " + InsynClient.shortId(), "demo-pbx");
    KeycloakServer keycloak = suite.keycloak();
    insyn
        .mayIRecord(
            keycloak.clientToken("demo-pbx-2", "demo-pbx-2-dev-secret"),
            channel,
            InsynClient.phoneNumber(),
            "ON_DEMAND")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    insyn
        .mayIRecord(
            keycloak.clientToken("demo-pbx", "demo-pbx-dev-secret"),
            channel,
            InsynClient.phoneNumber(),
            "ON_DEMAND")
        .then()
        .statusCode(200)
        .body("decision", equalTo("DENY"))
        .body("reasons", hasItem("NO_APPROVED_POLICY"));
  }

  /** The token's audiences and realm roles are exactly these: no "account", no default roles. */
  private static void assertClaims(String token, Set<String> audiences, Set<String> roles) {
    JsonPath claims =
        new JsonPath(
            new String(
                Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    Object aud = claims.get("aud");
    Set<String> named =
        aud == null
            ? Set.of()
            : aud instanceof List<?> list
                ? list.stream().map(String::valueOf).collect(Collectors.toSet())
                : Set.of(aud.toString());
    assertEquals(audiences, named, "aud of a token for " + claims.getString("azp"));
    List<String> realmRoles = claims.getList("realm_access.roles", String.class);
    assertEquals(
        roles,
        realmRoles == null ? Set.of() : Set.copyOf(realmRoles),
        "realm roles of a token for " + claims.getString("azp"));
  }

  private static String user(Suite suite, String username) {
    return suite.keycloak().userToken(username, "demo");
  }
}
