package se.insyn.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.insyn.devstack.test.PostgresResource;
import se.insyn.devstack.test.TestIssuerResource;
import se.insyn.events.EventType;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(TestIssuerResource.class)
@QuarkusTestResource(AuditStubResource.class)
class OutboxRelayTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The test application is named consent-service, so it emits that service's types. */
  private static final EventType NOTICE = EventType.NOTICE_PUBLISHED;

  @Inject AuditOutbox outbox;
  @Inject OutboxRelay relay;
  @Inject OutboxRepository rows;
  @Inject MeterRegistry meters;

  @AfterEach
  void auditServiceBackUp() throws Exception {
    stub("up");
  }

  @Test
  void deliversEveryEventInSequenceWithoutGapsAndMarksItDelivered() throws Exception {
    List<UUID> ids = record(7, "policy/" + UUID.randomUUID());

    relay.drain();

    JsonNode received = stub(null);
    List<Long> sequences = new ArrayList<>();
    List<String> receivedIds = new ArrayList<>();
    for (JsonNode batch : received.get("batches")) {
      assertTrue(batch.get("events").size() <= 3, "batches respect the configured size");
      for (JsonNode event : batch.get("events")) {
        sequences.add(event.get("sequence").asLong());
        receivedIds.add(event.get("id").asText());
      }
    }
    assertEquals(
        LongStream.rangeClosed(1, sequences.size()).boxed().toList(),
        sequences,
        "sequence numbers start at 1, have no gap and arrive in order");
    for (UUID id : ids) {
      assertTrue(receivedIds.contains(id.toString()));
      assertNotNull(
          QuarkusTransaction.requiringNew()
              .call(() -> rows.findByEventId(id))
              .orElseThrow()
              .deliveredAt);
    }
  }

  @Test
  void whileTheAuditServiceIsDownNothingIsLostAndTheAlertFires() throws Exception {
    relay.drain();
    stub("down");
    List<UUID> ids = record(4, "recording/" + UUID.randomUUID());

    OutboxRelay.Result failed = relay.drain();

    assertTrue(failed.failed());
    assertEquals(4, failed.remaining());
    assertEquals(4.0, meters.get("insyn.outbox.depth").gauge().value());
    assertEquals(1.0, meters.get("insyn.outbox.stale").gauge().value());
    assertTrue(meters.get("insyn.outbox.delivery.errors").counter().count() >= 1);
    for (UUID id : ids) {
      assertNull(
          QuarkusTransaction.requiringNew()
              .call(() -> rows.findByEventId(id))
              .orElseThrow()
              .deliveredAt);
    }

    stub("up");
    Thread.sleep(50); // past the (test-sized) backoff
    OutboxRelay.Result recovered = relay.drain();

    assertFalse(recovered.failed());
    assertEquals(0, recovered.remaining());
    assertEquals(0.0, meters.get("insyn.outbox.stale").gauge().value());
    List<String> delivered = new ArrayList<>();
    stub(null)
        .get("batches")
        .forEach(b -> b.get("events").forEach(e -> delivered.add(e.get("id").asText())));
    for (UUID id : ids) {
      assertEquals(
          1, delivered.stream().filter(id.toString()::equals).count(), "delivered exactly once");
    }
  }

  @Test
  void deliveryCarriesTheServiceIdentityWithTheAuditWriterRole() throws Exception {
    record(1, "purpose/" + UUID.randomUUID());
    relay.drain();

    JsonNode authorizations = stub(null).get("authorizations");
    String header = authorizations.get(authorizations.size() - 1).asText();
    assertTrue(header.startsWith("Bearer "));
    JsonNode claims =
        JSON.readTree(Base64.getUrlDecoder().decode(header.substring(7).split("\\.")[1]));
    assertEquals("consent-service", claims.get("azp").asText());
    assertTrue(claims.get("realm_access").get("roles").toString().contains("audit-writer"));
  }

  @Test
  void anEventCannotBeWrittenOutsideTheChangesTransaction() {
    assertThrows(
        TransactionalException.class,
        () -> outbox.record(NOTICE, "consent/x", null, null, data(0)));
  }

  @Test
  void aRolledBackChangeLeavesNoEvent() {
    UUID[] id = new UUID[1];
    assertThrows(
        IllegalStateException.class,
        () ->
            QuarkusTransaction.requiringNew()
                .run(
                    () -> {
                      id[0] = outbox.record(NOTICE, "consent/y", null, null, data(0));
                      throw new IllegalStateException("the change failed");
                    }));
    assertTrue(QuarkusTransaction.requiringNew().call(() -> rows.findByEventId(id[0])).isEmpty());
  }

  @Test
  void anEventTheCatalogueDoesNotDescribeIsRefusedAndNothingIsWritten() {
    String subject = "purpose/" + UUID.randomUUID();
    Map<String, Object> unknownField = new HashMap<>(data(1));
    unknownField.put("noticeText", "the notice itself");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                QuarkusTransaction.requiringNew()
                    .run(() -> outbox.record(NOTICE, subject, null, null, unknownField)));
    assertTrue(e.getMessage().contains("unknown field(s) [noticeText]"), e.getMessage());
    assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> rows.count("subject", subject)));
  }

  @Test
  void aServiceCannotEmitAnotherServicesEventType() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                QuarkusTransaction.requiringNew()
                    .run(
                        () ->
                            outbox.record(
                                EventType.POLICY_SUBMITTED,
                                "policy/" + UUID.randomUUID(),
                                null,
                                null,
                                Map.of("version", 1))));
    assertEquals(
        "policy.submitted is emitted by recording-service, not by consent-service (R59 event"
            + " catalogue)",
        e.getMessage());
  }

  /** The data of a {@link #NOTICE} event, numbered. */
  private static Map<String, Object> data(int version) {
    return Map.of("version", version, "contentHash", "00ff", "requiresReconsent", false);
  }

  private List<UUID> record(int count, String subject) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              List<UUID> ids = new ArrayList<>();
              for (int i = 0; i < count; i++) {
                ids.add(
                    outbox.record(NOTICE, subject, AuditEvent.Actor.SYSTEM, null, null, data(i)));
              }
              return ids;
            });
  }

  private static JsonNode stub(String mode) throws Exception {
    String url =
        System.getProperty("insyn.test.audit-stub") + "/control" + (mode == null ? "" : "?" + mode);
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return JSON.readTree(response.body());
  }
}
