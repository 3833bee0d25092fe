package se.insyn.audit.event.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import se.insyn.problem.Problem;
import se.insyn.problem.ProblemMappers;

/**
 * The hand-written ingest check refuses exactly what Bean Validation refuses under the constraints
 * declared on {@link EventBatch} and {@link EventInput}: the same fields with the same messages, on
 * random batches built from valid and edge-case values of every field.
 */
@QuarkusTest
class EventRulesTest {

  private static final String[] NAMES = {
    "consent-service",
    "a",
    "",
    " ",
    "Consent",
    "9lives",
    "a_b",
    "a-",
    "x".repeat(100),
    "x".repeat(101)
  };
  private static final String[] TYPES = {
    "consent.given",
    "a.b.c",
    "consent",
    "consent.",
    ".given",
    "Consent.given",
    "a..b",
    "",
    "  ",
    "a." + "b".repeat(98),
    "a." + "b".repeat(99)
  };
  private static final String[] TEXTS = {
    "recording/r-77",
    "é ünïcode €",
    "\ud83d\ude00",
    "",
    " ",
    "\t",
    " x ",
    "line\nbreak",
    "del\u007f",
    "nul\u0000",
    "\u0085next-line",
    "y".repeat(100),
    "y".repeat(101),
    "y".repeat(300),
    "y".repeat(301)
  };
  private static final String[] TRACE_IDS = {
    "0123456789abcdef0123456789abcdef", "0123456789ABCDEF0123456789ABCDEF", "abc", "", " "
  };
  private static final Long[] SEQUENCES = {0L, 1L, 42L, -1L, Long.MIN_VALUE};

  @Inject Validator validator;

  @Test
  void bothRefuseTheSameFieldsWithTheSameMessages() {
    Random random = new Random(58);
    int refused = 0;
    for (int n = 0; n < 3_000; n++) {
      EventBatch batch = randomBatch(random);
      List<String> expected =
          sorted(
              validator.validate(batch),
              v -> ProblemMappers.fieldOf(v.getPropertyPath()) + ": " + v.getMessage());
      List<String> actual = sorted(EventRules.check(batch), v -> v.field() + ": " + v.message());
      assertEquals(expected, actual, () -> String.valueOf(batch));
      if (!expected.isEmpty()) {
        refused++;
      }
    }
    assertTrue(refused > 300 && refused < 2_700, "refused " + refused + " of 3000");
  }

  @Test
  void aMissingBodyIsNamed() {
    assertEquals(
        List.of(new Problem.Violation("batch", "must not be null")), EventRules.check(null));
  }

  private static <T> List<String> sorted(Iterable<T> items, Function<T, String> text) {
    List<String> out = new ArrayList<>();
    items.forEach(i -> out.add(text.apply(i)));
    Collections.sort(out);
    return out;
  }

  private static EventBatch randomBatch(Random random) {
    int kind = random.nextInt(50);
    if (kind == 0) {
      return new EventBatch(null);
    }
    int size = kind == 1 ? 0 : kind == 2 ? 1001 : 1 + random.nextInt(3);
    List<EventInput> events = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      events.add(random.nextInt(40) == 0 ? null : randomEvent(random, size > 3 ? 0 : 6));
    }
    return new EventBatch(events);
  }

  /** An event; each field is edge-cased with probability 1/oneIn (never when oneIn is 0). */
  private static EventInput randomEvent(Random random, int oneIn) {
    Edge edge = new Edge(random, oneIn);
    EventInput.Actor actor =
        edge.hit(20)
            ? null
            : new EventInput.Actor(
                edge.hit() ? edge.pick(TEXTS) : "u-1",
                edge.hit() ? edge.pick(TEXTS) : random.nextBoolean() ? null : "insyn-portal");
    return new EventInput(
        edge.hit() ? null : UUID.randomUUID(),
        edge.hit() ? edge.pick(NAMES) : "consent-service",
        edge.hit() ? edge.pick(SEQUENCES) : random.nextBoolean() ? null : 7L,
        edge.hit() ? edge.pick(TYPES) : "consent.given",
        edge.hit() ? null : Instant.now(),
        actor,
        edge.hit() ? edge.pick(TEXTS) : "consent/c-1",
        edge.hit() ? edge.pick(TEXTS) : random.nextBoolean() ? null : "QUALITY",
        edge.hit() ? edge.pick(TEXTS) : null,
        null,
        edge.hit() ? edge.pick(TRACE_IDS) : null);
  }

  /** Decides per field whether it gets an edge-case value (null included). */
  private record Edge(Random random, int oneIn) {

    boolean hit() {
      return hit(oneIn);
    }

    boolean hit(int n) {
      return oneIn > 0 && random.nextInt(n) == 0;
    }

    <T> T pick(T[] values) {
      return random.nextInt(8) == 0 ? null : values[random.nextInt(values.length)];
    }
  }
}
