package se.insyn.recording.gate.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.insyn.outbox.OutboxEvent;
import se.insyn.recording.Fixtures;
import se.insyn.recording.recording.repository.RecordingRepository;

/** A recording remembers the consents its PERMIT relied on (issue 7: withdrawal stops it). */
@QuarkusTest
class ConsentIdsTest {

  @Inject RecordingRepository recordings;

  @Test
  void theConsentIdsOfTheDecisionAreKeptOnTheRecordingAndAudited() {
    UUID channel = Fixtures.channelWithConsentPolicy();
    String id =
        Fixtures.decide(Fixtures.decisionRequest(channel, "c-" + UUID.randomUUID()))
            .statusCode(201)
            .extract()
            .path("id");
    List<String> stored =
        QuarkusTransaction.requiringNew()
            .call(() -> new ArrayList<>(recordings.findById(UUID.fromString(id)).consentIds));
    assertEquals(1, stored.size());
    UUID.fromString(stored.get(0));
    OutboxEvent decision = Fixtures.events("recording/" + id).get(0);
    List<String> audited = new ArrayList<>();
    Fixtures.data(decision).path("consentIds").forEach(n -> audited.add(n.asText()));
    assertEquals(stored, audited);
  }

  @Test
  void aPolicyThatAsksNoOneReliesOnNoConsent() {
    UUID channel = Fixtures.channel();
    Fixtures.activePolicy(Fixtures.validDraft(channel));
    String id =
        Fixtures.decide(Fixtures.decisionRequest(channel, "c-" + UUID.randomUUID()))
            .statusCode(201)
            .extract()
            .path("id");
    List<String> stored =
        QuarkusTransaction.requiringNew()
            .call(() -> new ArrayList<>(recordings.findById(UUID.fromString(id)).consentIds));
    assertFalse(stored.iterator().hasNext());
  }
}
