package se.insyn.recording.recording;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.insyn.devstack.test.Tokens;
import se.insyn.recording.ContentFixtures;
import se.insyn.recording.Fixtures;
import se.insyn.recording.recording.repository.RecordingRepository;
import se.insyn.recording.recording.repository.TransferSegment;
import se.insyn.recording.recording.repository.TransferSegmentRepository;

/**
 * A transfer never moves a recording to another line (issue 20 item 1, R27, R35, R41): it is kept
 * as a segment, and access is governed by every line the recording touched.
 */
@QuarkusTest
class TransferTest {

  private static final Map<String, String> THREAT =
      Map.of("reasonCode", "THREAT_INVESTIGATION", "caseRef", "AM 2026/91");

  @Inject TransferSegmentRepository segments;
  @Inject RecordingRepository recordings;

  /** An active policy over the lines, for threats, kept 90 days. */
  private static void policyOver(UUID... lines) {
    Map<String, Object> draft = Fixtures.validDraft(lines);
    Fixtures.part(draft, "disposal").put("retention", "P90D");
    draft.put("purpose", "THREAT_DOCUMENTATION");
    Fixtures.activePolicy(draft);
  }

  private static ValidatableResponse transfer(UUID id, Object target) {
    return given()
        .auth()
        .oauth2(Fixtures.recorderToken())
        .contentType(ContentType.JSON)
        .body(Map.of("targetChannelId", target))
        .post("/api/v1/recordings/" + id + "/transfer")
        .then();
  }

  private static ValidatableResponse play(UUID id) {
    return given()
        .auth()
        .oauth2(ContentFixtures.reviewerToken("reviewer-" + UUID.randomUUID()))
        .contentType(ContentType.JSON)
        .body(THREAT)
        .post("/api/v1/recordings/" + id + "/playback")
        .then();
  }

  private static List<String> listedOn(UUID channel) {
    return Fixtures.listing(channel).extract().jsonPath().getList("id", String.class);
  }

  @Test
  void aRecordingMadeOnASecrecyClassedLineStaysClassedAfterATransferToAPlainOne() {
    UUID classed = Fixtures.channel(null, "SOCIAL_SERVICES");
    UUID plain = Fixtures.channel();
    policyOver(classed, plain);
    ContentFixtures.Made made = ContentFixtures.started(classed);

    transfer(made.id(), plain)
        .statusCode(200)
        .body("state", equalTo("RECORDING"))
        .body("channelId", equalTo(classed.toString()));
    ContentFixtures.stop(made.id());
    ContentFixtures.upload(made.id(), ContentFixtures.audio("classed", 10));

    play(made.id())
        .statusCode(403)
        .contentType("application/problem+json")
        .body("detail", containsString("SOCIAL_SERVICES"));
    List<TransferSegment> kept =
        QuarkusTransaction.requiringNew().call(() -> segments.listOf(made.id()));
    assertEquals(1, kept.size());
    assertEquals(plain, kept.get(0).targetChannelId);
    assertTrue(kept.get(0).inScope);
  }

  @Test
  void aTransferToAProtectedLineStopsTheRecordingWhichIsNeverListedOnThatLine() {
    UUID line = Fixtures.channel();
    UUID whistleblowing = Fixtures.channel("WHISTLEBLOWING", null);
    policyOver(line);
    ContentFixtures.Made made = ContentFixtures.started(line);

    transfer(made.id(), whistleblowing)
        .statusCode(200)
        .body("state", equalTo("STOPPED"))
        .body("stopReason", equalTo("TRANSFER_OUT_OF_SCOPE"))
        .body("channelId", equalTo(line.toString()));

    assertFalse(listedOn(whistleblowing).contains(made.id().toString()));
    assertTrue(listedOn(line).contains(made.id().toString()));
    List<TransferSegment> kept =
        QuarkusTransaction.requiringNew().call(() -> segments.listOf(made.id()));
    assertEquals(1, kept.size());
    assertFalse(kept.get(0).inScope);
  }

  @Test
  void aTransferToAnUnknownLineIsA422AndChangesNothing() {
    UUID line = Fixtures.channel();
    policyOver(line);
    ContentFixtures.Made made = ContentFixtures.started(line);

    transfer(made.id(), UUID.randomUUID())
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:insyn:problem:rule-violation"))
        .body("detail", containsString("R27"))
        .body("violations.field", hasItem("targetChannelId"));

    assertTrue(QuarkusTransaction.requiringNew().call(() -> segments.listOf(made.id())).isEmpty());
    given()
        .auth()
        .oauth2(Fixtures.recorderToken())
        .post("/api/v1/recordings/" + made.id() + "/stop")
        .then()
        .statusCode(200)
        .body("stopReason", equalTo("ENDED"));
  }

  @Test
  void aLineThatNoLongerExistsNeverLetsAnAccessSkipTheSecondApproval() {
    UUID line = Fixtures.channel();
    UUID gone = Fixtures.channel();
    policyOver(line);
    ContentFixtures.Made made = ContentFixtures.started(line);
    transfer(made.id(), gone).statusCode(200).body("state", equalTo("STOPPED"));
    ContentFixtures.upload(made.id(), ContentFixtures.audio("gone", 10));
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                recordings
                    .getEntityManager()
                    .createNativeQuery("delete from channel where id = :id")
                    .setParameter("id", gone)
                    .executeUpdate());

    play(made.id()).statusCode(403).body("detail", containsString("UNKNOWN_LINE"));
  }

  @Test
  void theKillSwitchOnTheLineACallWasTransferredToStopsItsRecording() {
    UUID line = Fixtures.channel();
    UUID next = Fixtures.channel();
    policyOver(line, next);
    ContentFixtures.Made made = ContentFixtures.started(line);
    transfer(made.id(), next).statusCode(200).body("state", equalTo("RECORDING"));

    given()
        .auth()
        .oauth2(Tokens.user("dpo-" + UUID.randomUUID(), "dpo"))
        .contentType(ContentType.JSON)
        .body(Map.of("channelIds", List.of(next), "reason", "Transfer test"))
        .post("/api/v1/kill-switch")
        .then()
        .statusCode(201);

    assertEquals(
        "KILL_SWITCH",
        QuarkusTransaction.requiringNew()
            .call(() -> recordings.findById(made.id()).stopReason.name()));
  }
}
