package se.insyn.recording.gate.withdrawal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.insyn.outbox.OutboxEvent;
import se.insyn.recording.ConsentServiceStub;
import se.insyn.recording.ContentFixtures;
import se.insyn.recording.Fixtures;
import se.insyn.recording.gate.decision.service.Decision;
import se.insyn.recording.gate.decision.service.DecisionGate;
import se.insyn.recording.gate.decision.service.RecordingRequest;
import se.insyn.recording.gate.withdrawal.service.WithdrawalFollower;
import se.insyn.recording.recording.repository.Recording;
import se.insyn.recording.recording.repository.RecordingRepository;

/** Withdrawal reaches running recordings through the consent-service's change feed (issue 7). */
@QuarkusTest
class WithdrawalFollowerTest {

  @Inject WithdrawalFollower follower;
  @Inject RecordingRepository recordings;
  @Inject DecisionGate gate;
  @Inject ObjectMapper json;

  @Test
  void aPermitRelyingOnAConsentTheFeedAlreadyEndedIsDeniedInstead() {
    follower.poll();
    UUID channel = Fixtures.channelWithConsentPolicy();
    String ended = UUID.randomUUID().toString();
    append(ended, "WITHDRAWN");
    follower.poll();
    Instant now = Instant.now();
    RecordingRequest request =
        json.convertValue(
            Fixtures.decisionRequest(channel, "c-" + UUID.randomUUID()), RecordingRequest.class);
    DecisionGate.Candidate policy = gate.evaluate(request, now).candidate().orElseThrow();

    // The consent-service said PERMIT, but the withdrawal was applied before the recording existed.
    Decision late = gate.permit(request, Fixtures.PLATFORM, policy, "cd-late", List.of(ended), now);
    assertEquals(Decision.Verdict.DENY, late.decision());
    assertEquals(List.of(Decision.Reason.CONSENT_DENIED), late.reasons());

    Decision fine =
        gate.permit(
            request,
            Fixtures.PLATFORM,
            policy,
            "cd-fine",
            List.of(UUID.randomUUID().toString()),
            now);
    assertEquals(Decision.Verdict.PERMIT, fine.decision());
  }

  @Test
  void aWithdrawnConsentStopsTheRecordingsThatReliedOnItAndOnlyThose() {
    follower.poll();
    UUID channel = Fixtures.channelWithConsentPolicy();
    UUID running = started(channel);
    UUID permitted = decided(channel);
    UUID other = started(channel);
    String consent = consentOf(running);
    // The stub hands out a consent id per decision; make the second one rely on the same consent.
    relyAlsoOn(permitted, consent);

    long position = append(consent, "WITHDRAWN");
    WithdrawalFollower.Poll poll = follower.poll();

    assertTrue(poll.reachable());
    assertEquals(2, poll.stopped());
    assertEquals(position, cursor());
    for (UUID id : List.of(running, permitted)) {
      Recording r = load(id);
      assertEquals(Recording.State.STOPPED_CONSENT_WITHDRAWN, r.state);
      assertEquals(Recording.StopReason.CONSENT_WITHDRAWN, r.stopReason);
      OutboxEvent stopped = last(id);
      assertEquals("recording.stopped", stopped.type);
      assertEquals("CONSENT_WITHDRAWN", Fixtures.data(stopped).path("reason").asText());
      assertEquals(consent, Fixtures.data(stopped).path("consentId").asText());
      assertEquals(position, Fixtures.data(stopped).path("feedPosition").asLong());
    }
    assertEquals(Recording.State.RECORDING, load(other).state);
    // What the API returns says so, and the recording cannot be stopped again.
    given()
        .auth()
        .oauth2(Fixtures.recorderToken())
        .post("/api/v1/recordings/" + running + "/stop")
        .then()
        .statusCode(409);
  }

  @Test
  void aSupersededConsentStopsToo() {
    follower.poll();
    UUID running = started(Fixtures.channelWithConsentPolicy());
    append(consentOf(running), "SUPERSEDED");
    follower.poll();
    assertEquals(Recording.State.STOPPED_CONSENT_WITHDRAWN, load(running).state);
    assertEquals("SUPERSEDED", Fixtures.data(last(running)).path("consentChange").asText());
  }

  @Test
  void theCursorPersistsAndASecondPollAppliesNothingTwice() {
    follower.poll();
    UUID running = started(Fixtures.channelWithConsentPolicy());
    long position = append(consentOf(running), "WITHDRAWN");
    assertEquals(1, follower.poll().stopped());
    int eventsAfterFirst = Fixtures.events("recording/" + running).size();

    WithdrawalFollower.Poll again = follower.poll();

    assertEquals(0, again.changes());
    assertEquals(0, again.stopped());
    assertEquals(position, cursor());
    assertEquals(eventsAfterFirst, Fixtures.events("recording/" + running).size());
  }

  @Test
  void aRecordingStoppedByWithdrawalRefusesItsContent() {
    follower.poll();
    UUID running = started(Fixtures.channelWithConsentPolicy());
    append(consentOf(running), "WITHDRAWN");
    follower.poll();
    given()
        .auth()
        .oauth2(Fixtures.recorderToken())
        .contentType("audio/wav")
        .body(ContentFixtures.audio("withdrawn", 10))
        .put("/api/v1/recordings/" + running + "/content")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    assertFalse(ContentFixtures.blobExists(running));
  }

  @Test
  void whenTheConsentServiceIsDownTheFollowerKeepsItsPlaceAndCatchesUpLater() {
    follower.poll();
    UUID running = started(Fixtures.channelWithConsentPolicy());
    long before = cursor();
    long position = append(consentOf(running), "WITHDRAWN");
    feed("down");
    try {
      WithdrawalFollower.Poll poll = follower.poll();
      assertFalse(poll.reachable());
      assertEquals(before, cursor());
      assertEquals(Recording.State.RECORDING, load(running).state);
    } finally {
      feed("up");
    }
    WithdrawalFollower.Poll poll = follower.poll();
    assertTrue(poll.reachable());
    assertEquals(position, cursor());
    assertEquals(Recording.State.STOPPED_CONSENT_WITHDRAWN, load(running).state);
  }

  @Test
  void theListingShowsTheWithdrawnState() {
    follower.poll();
    UUID channel = Fixtures.channelWithConsentPolicy();
    UUID running = started(channel);
    append(consentOf(running), "WITHDRAWN");
    follower.poll();
    Fixtures.listing(channel)
        .body("find { it.id == '" + running + "' }.state", equalTo("STOPPED_CONSENT_WITHDRAWN"));
  }

  private UUID decided(UUID channel) {
    String id =
        Fixtures.decide(Fixtures.decisionRequest(channel, "c-" + UUID.randomUUID()))
            .statusCode(201)
            .extract()
            .path("id");
    return UUID.fromString(id);
  }

  private UUID started(UUID channel) {
    UUID id = decided(channel);
    given()
        .auth()
        .oauth2(Fixtures.recorderToken())
        .post("/api/v1/recordings/" + id + "/started")
        .then()
        .statusCode(200);
    return id;
  }

  private String consentOf(UUID id) {
    return load(id).consentIds.get(0);
  }

  private void relyAlsoOn(UUID id, String consent) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> recordings.findById(id).consentIds = new java.util.ArrayList<>(List.of(consent)));
  }

  private Recording load(UUID id) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Recording r = recordings.findById(id);
              r.consentIds.size();
              return r;
            });
  }

  private long cursor() {
    return QuarkusTransaction.requiringNew().call(follower::position);
  }

  private static OutboxEvent last(UUID id) {
    List<OutboxEvent> events = Fixtures.events("recording/" + id);
    return events.get(events.size() - 1);
  }

  private static long append(String consentId, String change) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("consentId", consentId, "change", change))
        .post(System.getProperty(ConsentServiceStub.PROPERTY) + "/feed/append")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("position");
  }

  private static void feed(String action) {
    given()
        .post(System.getProperty(ConsentServiceStub.PROPERTY) + "/feed/" + action)
        .then()
        .statusCode(200);
  }
}
