package se.insyn.audit.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.insyn.audit.event.service.CanonicalEvent;
import se.insyn.audit.event.service.EventInput;
import se.insyn.audit.log.merkle.Jcs;

/**
 * The leaf input written member by member agrees with the general JCS writer applied to the whole
 * event as a JSON tree, for random events: same text, or the same refusal naming the same path.
 */
class CanonicalEventTest {

  private static final String ALPHABET = "aZ09 .-_/\"\\\n\t\u0001\u007f\u00e9\u20ac";

  @Test
  void writtenMemberByMemberItIsTheCanonicalJsonOfTheWholeEvent() {
    Random random = new Random(9162);
    int refused = 0;
    for (int n = 0; n < 5_000; n++) {
      EventInput event = randomEvent(random);
      String expected;
      String expectedPath = null;
      try {
        expected = Jcs.write(asTree(event));
      } catch (Jcs.NotCanonicalisableException e) {
        expected = null;
        expectedPath = e.path();
      }
      if (expected != null) {
        assertEquals(expected, CanonicalEvent.of("events[0]", event).leafInput(), event::toString);
      } else {
        refused++;
        Jcs.NotCanonicalisableException e =
            assertThrows(
                Jcs.NotCanonicalisableException.class,
                () -> CanonicalEvent.of("events[0]", event),
                event::toString);
        assertEquals(expectedPath, e.path(), event::toString);
      }
    }
    // Both branches were exercised.
    assertTrue(refused > 100 && refused < 4_900, "refused " + refused);
  }

  @Test
  void aSequenceBeyondTwoToThe53IsRefusedByName() {
    EventInput event =
        new EventInput(
            UUID.randomUUID(),
            "consent-service",
            1L << 53,
            "consent.given",
            Instant.now(),
            new EventInput.Actor("u-1", null),
            "consent/c-1",
            null,
            null,
            null,
            null);
    assertEquals(
        "sequence",
        assertThrows(
                Jcs.NotCanonicalisableException.class, () -> CanonicalEvent.of("events[0]", event))
            .path());
  }

  /** The event as the JSON tree the leaf input is the canonical form of. */
  private static ObjectNode asTree(EventInput event) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("type", event.type());
    json.put("time", event.time().truncatedTo(ChronoUnit.MICROS).toString());
    json.put("subject", event.subject());
    json.put("source", event.source());
    json.put("id", event.id().toString());
    if (event.traceId() != null) {
      json.put("traceId", event.traceId());
    }
    if (event.sequence() != null) {
      json.put("sequence", event.sequence());
    }
    if (event.purpose() != null) {
      json.put("purpose", event.purpose());
    }
    if (event.legalBasis() != null) {
      json.put("legalBasis", event.legalBasis());
    }
    if (event.data() != null) {
      json.set("data", event.data());
    }
    ObjectNode actor = json.putObject("actor");
    if (event.actor().clientId() != null) {
      actor.put("clientId", event.actor().clientId());
    }
    actor.put("subject", event.actor().subject());
    return json;
  }

  private static EventInput randomEvent(Random random) {
    ObjectNode data = null;
    if (random.nextBoolean()) {
      data = JsonNodeFactory.instance.objectNode();
      for (int i = random.nextInt(4); i > 0; i--) {
        if (random.nextBoolean()) {
          data.put(text(random), text(random));
        } else {
          data.put(text(random), random.nextInt(10) == 0 ? 0.5 : random.nextLong() >> 12);
        }
      }
    }
    return new EventInput(
        new UUID(random.nextLong(), random.nextLong()),
        "source-" + random.nextInt(10),
        random.nextBoolean() ? null : random.nextInt(20) == 0 ? (1L << 53) : random.nextLong(1000),
        "type.t" + random.nextInt(10),
        Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000_000)),
        new EventInput.Actor(text(random), random.nextBoolean() ? null : text(random)),
        text(random),
        random.nextBoolean() ? null : text(random),
        random.nextBoolean() ? null : text(random),
        data,
        random.nextBoolean() ? null : "0123456789abcdef0123456789abcdef");
  }

  /** Short text, sometimes with a surrogate pair or a lone surrogate. */
  private static String text(Random random) {
    StringBuilder s = new StringBuilder();
    for (int i = random.nextInt(8) + 1; i > 0; i--) {
      s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    switch (random.nextInt(30)) {
      case 0 -> s.append("\ud83d\ude00");
      case 1 -> s.append('\ud800');
      default -> {}
    }
    return s.toString();
  }
}
