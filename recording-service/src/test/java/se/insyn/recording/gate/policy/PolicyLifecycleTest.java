package se.insyn.recording.gate.policy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.insyn.recording.Fixtures.adminToken;
import static se.insyn.recording.Fixtures.approverToken;
import static se.insyn.recording.Fixtures.part;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.insyn.devstack.test.Tokens;
import se.insyn.outbox.OutboxEvent;
import se.insyn.recording.Fixtures;
import se.insyn.recording.gate.policy.repository.PolicyVersionRepository;

@QuarkusTest
class PolicyLifecycleTest {

  @Inject PolicyVersionRepository versions;

  private static io.restassured.response.ValidatableResponse approve(UUID id, String token) {
    return given().auth().oauth2(token).post("/api/v1/policies/" + id + "/approve").then();
  }

  @Test
  void withoutTokenNothingIsShown() {
    given().get("/api/v1/policies").then().statusCode(401);
    given()
        .contentType(ContentType.JSON)
        .body(Fixtures.validDraft(UUID.randomUUID()))
        .post("/api/v1/policies")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void onlyARecordingAdminDraftsAndOnlyAnApproverApproves() {
    given()
        .auth()
        .oauth2(approverToken())
        .contentType(ContentType.JSON)
        .body(Fixtures.validDraft(Fixtures.channel()))
        .post("/api/v1/policies")
        .then()
        .statusCode(403);
    UUID id = Fixtures.createDraft(Fixtures.validDraft(Fixtures.channel()));
    given()
        .auth()
        .oauth2(approverToken())
        .post("/api/v1/policies/" + id + "/submit")
        .then()
        .statusCode(403);
    Fixtures.submit(id);
    approve(id, Tokens.user("other-admin", "recording-admin")).statusCode(403);
    given()
        .auth()
        .oauth2(Tokens.user("it-1", "it-operator"))
        .get("/api/v1/policies/" + id)
        .then()
        .statusCode(403);
  }

  @Test
  void aDraftIsSubmittedAndApprovedBySomeoneElse() {
    UUID channel = Fixtures.channel();
    UUID id = Fixtures.createDraft(Fixtures.validDraft(channel));
    given()
        .auth()
        .oauth2(approverToken())
        .get("/api/v1/policies/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("DRAFT"))
        .body("version", equalTo(1))
        .body("author", equalTo(Tokens.subjectOf(Fixtures.ADMIN)))
        .body("content.scope.channelIds", hasItem(channel.toString()))
        .body("dpiaScreening.dpiaRequired", equalTo(false));
    // Only a submitted version can be approved.
    approve(id, approverToken()).statusCode(409);
    Fixtures.submit(id);
    approve(id, approverToken())
        .statusCode(200)
        .body("status", equalTo("ACTIVE"))
        .body("effectiveStatus", equalTo("ACTIVE"))
        .body("approvedBy", equalTo(Tokens.subjectOf(Fixtures.APPROVER)));
    assertEquals(
        List.of("policy.created", "policy.submitted", "policy.approved"),
        Fixtures.eventTypes("policy/" + id));
  }

  @Test
  void theAuthorCannotApproveTheirOwnPolicy() {
    String author = "author-" + UUID.randomUUID();
    String token = Tokens.user(author, "recording-admin", "policy-approver");
    String id =
        given()
            .auth()
            .oauth2(token)
            .contentType(ContentType.JSON)
            .body(Fixtures.validDraft(Fixtures.channel()))
            .post("/api/v1/policies")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    given().auth().oauth2(token).post("/api/v1/policies/" + id + "/submit").then().statusCode(200);
    approve(UUID.fromString(id), token)
        .statusCode(403)
        .contentType("application/problem+json")
        .body("detail", containsString("author"));
    approve(UUID.fromString(id), approverToken()).statusCode(200);
  }

  @Test
  void approvalListsEveryUnmetRequirementAndIsAudited() {
    Map<String, Object> draft = Fixtures.validDraft(Fixtures.channel());
    draft.put("legalBasis", "LEGITIMATE_INTEREST");
    draft.put("purpose", "QUALITY_TRAINING");
    draft.remove("ropaId");
    draft.remove("disposal");
    part(draft, "scope").put("mode", "ALWAYS");
    part(draft, "employees").remove("mblReference");
    draft.put("reviewDate", LocalDate.now().plusMonths(13).toString());
    UUID id = Fixtures.createDraft(draft);
    Fixtures.submit(id);
    approve(id, approverToken())
        .statusCode(422)
        .contentType("application/problem+json")
        .body("status", equalTo(422))
        .body(
            "violations.field",
            hasItems(
                "legalBasis",
                "consent.parties",
                "ropaId",
                "disposal.body",
                "disposal.registryNumber",
                "disposal.date",
                "disposal.documentType",
                "disposal.retention",
                "dpia.alwaysReason",
                "employees.mblReference",
                "reviewDate"))
        .body("violations.message", hasItem(containsString("legitimate interest")));
    List<OutboxEvent> events = Fixtures.events("policy/" + id);
    OutboxEvent rejected = events.get(events.size() - 1);
    assertEquals("policy.rejected", rejected.type);
    assertTrue(rejected.payload.contains("R5"), rejected.payload);
    given()
        .auth()
        .oauth2(adminToken())
        .get("/api/v1/policies/" + id)
        .then()
        .body("status", equalTo("REJECTED"));
  }

  @Test
  void aProtectedLineInScopeIsRefusedAndFlaggedToTheDpo() {
    UUID whistle = Fixtures.channel("WHISTLEBLOWING", null);
    UUID id = Fixtures.createDraft(Fixtures.validDraft(whistle));
    Fixtures.submit(id);
    approve(id, approverToken())
        .statusCode(422)
        .body("violations.message", hasItem(containsString("R38")));
    List<String> types = Fixtures.eventTypes("policy/" + id);
    assertTrue(types.contains("dpo.flagged"), types.toString());
    assertTrue(types.contains("policy.rejected"), types.toString());
  }

  @Test
  void employeeConsentNeedsAnExceptionalJustificationSignedByTheDpo() {
    Map<String, Object> draft = Fixtures.validDraft(Fixtures.channel());
    draft.put("legalBasis", "CONSENT");
    UUID refused = Fixtures.createDraft(draft);
    Fixtures.submit(refused);
    approve(refused, approverToken())
        .statusCode(422)
        .body("violations.message", hasItem(containsString("R6")));

    part(draft, "employees").put("exceptionalConsentJustification", "Voluntary video option");
    part(draft, "employees").put("noDetrimentAlternative", "Phone meeting without camera");
    part(draft, "employees").put("dpoSignOff", "dpo-anna");
    Fixtures.activePolicy(draft);
  }

  @Test
  void alwaysModeNeedsADpiaWithItsReasonAndScreeningCountsCriteria() {
    Map<String, Object> draft = Fixtures.validDraft(Fixtures.channel(null, "HEALTH_CARE"));
    part(draft, "scope").put("mode", "ALWAYS");
    UUID refused = Fixtures.createDraft(draft);
    given()
        .auth()
        .oauth2(adminToken())
        .get("/api/v1/policies/" + refused)
        .then()
        .body(
            "dpiaScreening.criteriaMet",
            containsInAnyOrder("SYSTEMATIC_MONITORING", "SENSITIVE_LINES"))
        .body("dpiaScreening.dpiaRequired", equalTo(true));
    Fixtures.submit(refused);
    approve(refused, approverToken())
        .statusCode(422)
        .body("violations.field", hasItems("dpia.reference", "dpia.alwaysReason"));

    part(draft, "dpia").put("reference", "DPIA-2026-03");
    part(draft, "dpia").put("alwaysReason", "Threats arrive unannounced; notes miss the wording");
    Fixtures.activePolicy(draft);
  }

  @Test
  void qualityTrainingRequiresTheCallersConsent() {
    Map<String, Object> draft = Fixtures.validDraft(Fixtures.channel());
    draft.put("purpose", "QUALITY_TRAINING");
    draft.put("consent", Map.of("parties", "CALLER", "purposeCode", "quality-training"));
    Fixtures.activePolicy(draft);
  }

  @Test
  void aChangeIsANewVersionAndOldVersionsStayReadable() {
    UUID channel = Fixtures.channel();
    Map<String, Object> draft = Fixtures.validDraft(channel);
    UUID id = Fixtures.activePolicy(draft);
    draft.put("controller", "Laholms kommun, socialnämnden");
    given()
        .auth()
        .oauth2(adminToken())
        .contentType(ContentType.JSON)
        .body(draft)
        .post("/api/v1/policies/" + id + "/versions")
        .then()
        .statusCode(201)
        .header("Location", containsString("/api/v1/policies/" + id + "/versions/2"))
        .body("version", equalTo(2))
        .body("status", equalTo("DRAFT"));
    // Version 1 stays active until version 2 is approved.
    given()
        .auth()
        .oauth2(adminToken())
        .get("/api/v1/policies/" + id + "/versions/1")
        .then()
        .statusCode(200)
        .body("status", equalTo("ACTIVE"))
        .body("content.controller", equalTo("Laholms kommun, kommunstyrelsen"));
    // One open version at a time.
    given()
        .auth()
        .oauth2(adminToken())
        .contentType(ContentType.JSON)
        .body(draft)
        .post("/api/v1/policies/" + id + "/versions")
        .then()
        .statusCode(409);
    Fixtures.submit(id);
    approve(id, approverToken()).statusCode(200).body("version", equalTo(2));
    given()
        .auth()
        .oauth2(adminToken())
        .get("/api/v1/policies/" + id + "/versions")
        .then()
        .statusCode(200)
        .body("status", equalTo(List.of("SUPERSEDED", "ACTIVE")))
        .body("content.controller[0]", equalTo("Laholms kommun, kommunstyrelsen"));
  }

  @Test
  void suspendAndRetireAreAuditedAndRequireAReason() {
    UUID id = Fixtures.activePolicy(Fixtures.validDraft(Fixtures.channel()));
    given()
        .auth()
        .oauth2(adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of())
        .post("/api/v1/policies/" + id + "/suspend")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem(containsString("reason")));
    given()
        .auth()
        .oauth2(Tokens.user("recorder-1", "recorder"))
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "x"))
        .post("/api/v1/policies/" + id + "/suspend")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(Tokens.user("dpo-1", "dpo"))
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "Supervisory inquiry"))
        .post("/api/v1/policies/" + id + "/suspend")
        .then()
        .statusCode(200)
        .body("status", equalTo("SUSPENDED"));
    given()
        .auth()
        .oauth2(Tokens.user("dpo-1", "dpo"))
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "Line closed"))
        .post("/api/v1/policies/" + id + "/retire")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(adminToken())
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "Line closed"))
        .post("/api/v1/policies/" + id + "/retire")
        .then()
        .statusCode(200)
        .body("status", equalTo("RETIRED"));
    List<String> types = Fixtures.eventTypes("policy/" + id);
    assertTrue(types.containsAll(List.of("policy.suspended", "policy.retired")), types.toString());
  }

  @Test
  void anExpiredReviewDateCountsAsSuspended() {
    UUID id = Fixtures.activePolicy(Fixtures.validDraft(Fixtures.channel()));
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                versions.update(
                    "reviewDate = ?1 where policyId = ?2", LocalDate.now().minusDays(2), id));
    given()
        .auth()
        .oauth2(adminToken())
        .get("/api/v1/policies/" + id)
        .then()
        .body("status", equalTo("ACTIVE"))
        .body("effectiveStatus", equalTo("SUSPENDED"));
  }

  @Test
  void badInputIsAProblem() {
    Map<String, Object> draft = Fixtures.validDraft(Fixtures.channel());
    part(draft, "disposal").put("retention", "forever");
    given()
        .auth()
        .oauth2(adminToken())
        .contentType(ContentType.JSON)
        .body(draft)
        .post("/api/v1/policies")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations.field", hasItem("disposal.retention"));
    // Longer than 100 years is "for good" and must say PRESERVE; such a period also overflowed the
    // disposal date before it was refused here (R43).
    for (String retention : List.of("P101Y", "P999999999Y")) {
      draft = Fixtures.validDraft(Fixtures.channel());
      part(draft, "disposal").put("retention", retention);
      given()
          .auth()
          .oauth2(adminToken())
          .contentType(ContentType.JSON)
          .body(draft)
          .post("/api/v1/policies")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("violations[0].field", equalTo("disposal.retention"))
          .body("violations[0].message", containsString("(R43)"));
    }
    draft = Fixtures.validDraft(Fixtures.channel());
    draft.put("purpose", "ALL_CALLS");
    given()
        .auth()
        .oauth2(adminToken())
        .contentType(ContentType.JSON)
        .body(draft)
        .post("/api/v1/policies")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(adminToken())
        .get("/api/v1/policies/" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(adminToken())
        .get("/api/v1/policies")
        .then()
        .statusCode(200)
        .body("id", not(hasItem("nothing")));
  }
}
