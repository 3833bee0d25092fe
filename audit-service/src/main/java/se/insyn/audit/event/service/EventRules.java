package se.insyn.audit.event.service;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import se.insyn.problem.Problem;

/**
 * The constraints declared on {@link EventBatch} and {@link EventInput}, checked by hand: the same
 * fields refused with the same messages as Bean Validation gives, at a fraction of its cost on a
 * batch of 1000 events (ingest is the audit-service's hot path). {@code EventRulesTest} checks the
 * agreement on random and edge-case batches, so a constraint changed on the records without a
 * change here fails the build.
 */
final class EventRules {

  private static final Pattern NAME = Pattern.compile(EventInput.NAME);
  private static final Pattern TYPE = Pattern.compile(EventInput.TYPE);
  private static final Pattern TRACE_ID = Pattern.compile(EventInput.TRACE_ID);

  private EventRules() {}

  /** Every broken constraint of the batch, by field, e.g. {@code events[3].actor.subject}. */
  static List<Problem.Violation> check(EventBatch batch) {
    List<Problem.Violation> out = new ArrayList<>();
    if (batch == null) {
      out.add(new Problem.Violation("batch", "must not be null"));
      return out;
    }
    List<EventInput> events = batch.events();
    if (events == null) {
      out.add(new Problem.Violation("events", "must not be null"));
      return out;
    }
    if (events.size() < EventBatch.MIN_EVENTS || events.size() > EventBatch.MAX_EVENTS) {
      out.add(new Problem.Violation("events", size(EventBatch.MIN_EVENTS, EventBatch.MAX_EVENTS)));
    }
    for (int i = 0; i < events.size(); i++) {
      String field = "events[" + i + "]";
      EventInput event = events.get(i);
      if (event == null) {
        out.add(new Problem.Violation(field, "must not be null"));
      } else {
        check(event, field, out);
      }
    }
    return out;
  }

  private static void check(EventInput e, String field, List<Problem.Violation> out) {
    notNull(e.id(), field + ".id", out);
    name(e.source(), NAME, EventInput.NAME, field + ".source", out);
    if (e.sequence() != null && e.sequence() < 0) {
      out.add(new Problem.Violation(field + ".sequence", "must be greater than or equal to 0"));
    }
    name(e.type(), TYPE, EventInput.TYPE, field + ".type", out);
    notNull(e.time(), field + ".time", out);
    if (e.actor() == null) {
      out.add(new Problem.Violation(field + ".actor", "must not be null"));
    } else {
      requiredText(e.actor().subject(), EventInput.LONG, field + ".actor.subject", out);
      text(e.actor().clientId(), EventInput.SHORT, field + ".actor.clientId", out);
    }
    requiredText(e.subject(), EventInput.LONG, field + ".subject", out);
    text(e.purpose(), EventInput.SHORT, field + ".purpose", out);
    text(e.legalBasis(), EventInput.SHORT, field + ".legalBasis", out);
    if (e.traceId() != null && !TRACE_ID.matcher(e.traceId()).matches()) {
      out.add(new Problem.Violation(field + ".traceId", EventInput.TRACE_ID_MESSAGE));
    }
  }

  private static void notNull(Object value, String field, List<Problem.Violation> out) {
    if (value == null) {
      out.add(new Problem.Violation(field, "must not be null"));
    }
  }

  /** {@code @NotBlank @Size(max = SHORT) @Pattern(regexp)}. */
  private static void name(
      String value, Pattern pattern, String regexp, String field, List<Problem.Violation> out) {
    if (value == null) {
      out.add(new Problem.Violation(field, "must not be blank"));
      return;
    }
    blank(value, field, out);
    maxLength(value, EventInput.SHORT, field, out);
    if (!pattern.matcher(value).matches()) {
      out.add(new Problem.Violation(field, "must match \"" + regexp + "\""));
    }
  }

  /** {@code @NotBlank @Size(max) @Pattern(regexp = TEXT)}. */
  private static void requiredText(
      String value, int max, String field, List<Problem.Violation> out) {
    if (value == null) {
      out.add(new Problem.Violation(field, "must not be blank"));
      return;
    }
    blank(value, field, out);
    text(value, max, field, out);
  }

  /** {@code @Size(max) @Pattern(regexp = TEXT)}: null is allowed. */
  private static void text(String value, int max, String field, List<Problem.Violation> out) {
    if (value == null) {
      return;
    }
    maxLength(value, max, field, out);
    if (!isText(value)) {
      out.add(new Problem.Violation(field, "must match \"" + EventInput.TEXT + "\""));
    }
  }

  /** {@link EventInput#TEXT} without a regex: not empty, no ASCII control character. */
  private static boolean isText(String value) {
    if (value.isEmpty()) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return false;
      }
    }
    return true;
  }

  /** Bean Validation's {@code @NotBlank}: blank after trimming what {@code String.trim} trims. */
  private static void blank(String value, String field, List<Problem.Violation> out) {
    if (value.trim().isEmpty()) {
      out.add(new Problem.Violation(field, "must not be blank"));
    }
  }

  private static void maxLength(String value, int max, String field, List<Problem.Violation> out) {
    if (value.length() > max) {
      out.add(new Problem.Violation(field, size(0, max)));
    }
  }

  private static String size(int min, int max) {
    return "size must be between " + min + " and " + max;
  }
}
