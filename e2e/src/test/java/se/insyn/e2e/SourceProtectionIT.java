package se.insyn.e2e;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.insyn.devstack.Suite;
import se.insyn.devstack.SuiteService;

/**
 * Source protection: a whistleblowing line can never be in a policy's scope and trying raises a
 * flag to the DPO (R38); reading the audit trail to trace a source is not a purpose the log
 * answers, and the attempt is itself logged (R39, R62).
 */
@ExtendWith(SuiteExtension.class)
@DisplayName(
    "Källskydd: visselblåsarlinjen kan inte omfattas av en policy, och ett försök att spåra källan"
        + " i loggen nekas och loggas")
class SourceProtectionIT {

  private static final Duration DELIVERY = Duration.ofSeconds(90);

  @Test
  void aPolicyCoveringTheWhistleblowingLineIsRefusedAndSourceTracingInTheLogIsRefusedAndLogged(
      Suite suite) {
    Narration story = Narration.of("Källskydd");
    InsynClient insyn =
        new InsynClient(
            suite.service(SuiteService.CONSENT).baseUrl(),
            suite.service(SuiteService.RECORDING).baseUrl(),
            suite.service(SuiteService.AUDIT).baseUrl());
    var keycloak = suite.keycloak();
    String admin = keycloak.userToken("demo-recording-admin", "demo");
    String approver = keycloak.userToken("demo-policy-approver", "demo");
    String dpo = keycloak.userToken("demo-dpo", "demo");
    String investigator = keycloak.userToken("demo-investigator", "demo");
    String auditor = keycloak.userToken("demo-auditor", "demo");
    String pbx = keycloak.clientToken("demo-pbx", "demo-pbx-dev-secret");
    Instant from = Instant.now().minusSeconds(1);

    String line =
        insyn
            .newChannel(admin, "PHONE_LINE", "Visselblåsarlinjen", "WHISTLEBLOWING")
            .then()
            .statusCode(201)
            .body("protectedClass", equalTo("WHISTLEBLOWING"))
            .extract()
            .path("id");
    story.step("Visselblåsarlinjen %s är skyddad (WHISTLEBLOWING).", line);

    String policy = insyn.submittedPolicy(admin, InsynClient.threatPolicy(line, null, "P30D"));
    Response refused = insyn.approve(approver, policy);
    refused
        .then()
        .statusCode(422)
        .contentType(containsString("application/problem+json"))
        .body("violations.field", hasItem("scope.channelIds"))
        .body("violations.message", hasItem(containsString("(R38)")));
    String rule =
        refused.jsonPath().<String>getList("violations.message").stream()
            .filter(m -> m.contains("R38"))
            .findFirst()
            .orElseThrow();
    story.step("En policy som omfattar linjen lämnas in; godkännandet nekas: 422, \"%s\".", rule);

    insyn
        .mayIRecord(pbx, line, InsynClient.phoneNumber(), "ON_DEMAND")
        .then()
        .statusCode(200)
        .body("decision", equalTo("DENY"))
        .body("reasons", hasItem("PROTECTED_LINE"));
    story.step("Växeln frågar ändå om inspelning på linjen: DENY PROTECTED_LINE.");

    List<Map<String, Object>> flags =
        Eventually.within(
            DELIVERY,
            () ->
                insyn
                    .events(
                        dpo,
                        "INTERNAL_CONTROL",
                        "dpo.flagged",
                        "policy/" + policy,
                        from,
                        Instant.now().plusSeconds(60))
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .<Map<String, Object>>getList("events"),
            e -> !e.isEmpty());
    Map<?, ?> flag = (Map<?, ?>) flags.get(0).get("data");
    assertEquals(List.of(line), flag.get("channelIds"), flag.toString());
    assertEquals(List.of("WHISTLEBLOWING"), flag.get("protectedClasses"), flag.toString());
    story.step("Dataskyddsombudet flaggas i loggen: dpo.flagged, %s.", flag.get("reason"));

    Response tracing =
        insyn.events(
            investigator,
            "SOURCE_TRACING",
            null,
            "channel/" + line,
            from,
            Instant.now().plusSeconds(60));
    tracing
        .then()
        .statusCode(400)
        .contentType(containsString("application/problem+json"))
        .body("violations.field", hasItem("purpose"));
    String why = tracing.path("violations.find { it.field == 'purpose' }.message");
    story.step("En utredare frågar loggen om linjen med syftet SOURCE_TRACING: 400, \"%s\".", why);

    List<Map<String, Object>> queried =
        insyn
            .events(
                auditor,
                "INTERNAL_CONTROL",
                "audit.queried",
                null,
                from,
                Instant.now().plusSeconds(60))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("events");
    List<Map<String, Object>> attempts =
        queried.stream()
            .filter(e -> "SOURCE_TRACING".equals(data(e).get("requestedPurpose")))
            .filter(e -> String.valueOf(data(e).get("request")).contains(line))
            .toList();
    assertEquals(1, attempts.size(), queried.toString());
    assertEquals("refused", data(attempts.get(0)).get("outcome"));
    assertTrue(
        String.valueOf(attempts.get(0).get("actor")).contains("subject"),
        attempts.get(0).toString());
    story.done(
        "Försöket finns själv i loggen: audit.queried, outcome=%s, requestedPurpose=%s, av %s.",
        data(attempts.get(0)).get("outcome"),
        data(attempts.get(0)).get("requestedPurpose"),
        ((Map<?, ?>) attempts.get(0).get("actor")).get("subject"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> data(Map<String, Object> event) {
    return (Map<String, Object>) event.get("data");
  }
}
