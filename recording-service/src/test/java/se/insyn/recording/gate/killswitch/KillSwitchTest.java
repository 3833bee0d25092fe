package se.insyn.recording.gate.killswitch;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.insyn.devstack.test.Tokens;
import se.insyn.recording.Fixtures;

@QuarkusTest
class KillSwitchTest {

  private static final String DPO = "dpo-" + UUID.randomUUID();

  private static ValidatableResponse engage(String token, Map<String, Object> body) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/kill-switch")
        .then();
  }

  private static ValidatableResponse release(String token, String id) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "Reviewed"))
        .post("/api/v1/kill-switch/" + id + "/release")
        .then();
  }

  @Test
  void onlyAdminsAndTheDpoMayEngage() {
    Map<String, Object> body =
        Map.of("channelIds", List.of(UUID.randomUUID()), "reason", "Incident");
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/kill-switch")
        .then()
        .statusCode(401);
    engage(Fixtures.recorderToken(), body).statusCode(403);
    engage(Fixtures.approverToken(), body).statusCode(403);
    given()
        .auth()
        .oauth2(Fixtures.recorderToken())
        .get("/api/v1/kill-switch")
        .then()
        .statusCode(403);
    engage(Fixtures.adminToken(), Map.of("channelIds", List.of(UUID.randomUUID())))
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations.field", hasItem(org.hamcrest.Matchers.containsString("reason")));
  }

  @Test
  void engagingDeniesAtOnceStopsWhatRunsAndNeedsASecondPersonToRelease() {
    UUID channel = Fixtures.channel();
    Fixtures.activePolicy(Fixtures.validDraft(channel));
    String running =
        Fixtures.decide(Fixtures.decisionRequest(channel, "c-" + UUID.randomUUID()))
            .statusCode(201)
            .extract()
            .path("id");
    given()
        .auth()
        .oauth2(Fixtures.recorderToken())
        .post("/api/v1/recordings/" + running + "/started")
        .then()
        .statusCode(200);

    String dpo = Tokens.user(DPO, "dpo");
    String id =
        engage(dpo, Map.of("channelIds", List.of(channel), "reason", "Recording default found"))
            .statusCode(201)
            .body("allChannels", equalTo(false))
            .body("engagedBy", equalTo(Tokens.subjectOf(DPO)))
            .extract()
            .path("id");

    Fixtures.decide(Fixtures.decisionRequest(channel, "c-" + UUID.randomUUID()))
        .statusCode(200)
        .body("decision", equalTo("DENY"))
        .body("reasons", equalTo(List.of("KILL_SWITCH")));
    List<String> types = Fixtures.eventTypes("recording/" + running);
    assertEquals("recording.stopped", types.get(types.size() - 1));
    assertTrue(
        Fixtures.events("recording/" + running)
            .get(types.size() - 1)
            .payload
            .contains("KILL_SWITCH"));
    given()
        .auth()
        .oauth2(Fixtures.recorderToken())
        .post("/api/v1/recordings/" + running + "/stop")
        .then()
        .statusCode(409);

    given()
        .auth()
        .oauth2(Fixtures.adminToken())
        .get("/api/v1/kill-switch")
        .then()
        .statusCode(200)
        .body("engaged", equalTo(true))
        .body("active.id", hasItem(id));

    release(dpo, id).statusCode(403).contentType("application/problem+json");
    release(Fixtures.adminToken(), id)
        .statusCode(200)
        .body("releasedBy", equalTo(Tokens.subjectOf(Fixtures.ADMIN)));
    release(Tokens.user("dpo-other", "dpo"), id).statusCode(409);
    assertEquals(
        List.of("killswitch.engaged", "killswitch.released"),
        Fixtures.eventTypes("killswitch/" + id));

    Fixtures.decide(Fixtures.decisionRequest(channel, "c-" + UUID.randomUUID()))
        .statusCode(201)
        .body("decision", equalTo("PERMIT"));
    given()
        .auth()
        .oauth2(Tokens.user("dpo-2", "dpo"))
        .get("/api/v1/kill-switch")
        .then()
        .body("history.id", hasItem(id));
  }

  @Test
  void releasingAnUnknownEngagementIsNotFound() {
    release(Fixtures.adminToken(), UUID.randomUUID().toString())
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void unknownChannelIdsAreRefusedEachByPositionAndNothingIsEngaged() {
    UUID known = Fixtures.channel();
    UUID unknownA = UUID.randomUUID();
    UUID unknownB = UUID.randomUUID();
    String reason = "Incident " + UUID.randomUUID();
    Map<String, Object> body =
        Map.of("channelIds", List.of(unknownA, known, unknownB), "reason", reason);

    engage(Tokens.user(DPO, "dpo"), body)
        .statusCode(422)
        .contentType("application/problem+json")
        .body("status", equalTo(422))
        .body("violations.field", equalTo(List.of("channelIds[0]", "channelIds[2]")))
        .body("violations[0].message", org.hamcrest.Matchers.containsString(unknownA.toString()))
        .body("violations[1].message", org.hamcrest.Matchers.containsString(unknownB.toString()));
    engage(Fixtures.recorderToken(), body).statusCode(403).contentType("application/problem+json");

    given()
        .auth()
        .oauth2(Fixtures.adminToken())
        .get("/api/v1/kill-switch")
        .then()
        .statusCode(200)
        .body("history.reason", org.hamcrest.Matchers.not(hasItem(reason)));
    Fixtures.activePolicy(Fixtures.validDraft(known));
    Fixtures.decide(Fixtures.decisionRequest(known, "c-" + UUID.randomUUID()))
        .statusCode(201)
        .body("decision", equalTo("PERMIT"));
  }
}
