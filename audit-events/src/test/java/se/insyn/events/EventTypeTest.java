package se.insyn.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The catalogue's check of an event's data against its fields (R59). */
class EventTypeTest {

  @Test
  void dataWithTheRequiredFieldsAndSomeOptionalOnesPasses() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("purpose", "CUSTOMER_SERVICE");
    data.put("subjectType", "EMPLOYEE");
    data.put("subjectRef", "emp-1");
    data.put("choice", "GIVEN");
    data.put("interactionId", "call-7");
    EventType.CONSENT_WITHDRAWN.check(data);
  }

  @Test
  void anOptionalFieldMayBeNull() {
    Map<String, Object> data = new HashMap<>();
    data.put("platform", null);
    data.put("previousPlatform", "pbx-1");
    EventType.CHANNEL_PLATFORM_ASSIGNED.check(data);
  }

  @Test
  void anUnknownFieldIsAProgrammingError() {
    Map<String, Object> data = Map.of("caseRef", "KS 2026/331", "caseReference", "KS 2026/331");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> EventType.LEGALHOLD_RELEASED.check(data));
    assertTrue(e.getMessage().contains("legalhold.released"), e.getMessage());
    assertTrue(e.getMessage().contains("unknown field(s) [caseReference]"), e.getMessage());
    assertTrue(e.getMessage().contains("R59"), e.getMessage());
  }

  @Test
  void aMissingRequiredFieldIsAProgrammingError() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> EventType.LEGALHOLD_RELEASED.check(Map.of("reason", "the case is closed")));
    assertTrue(
        e.getMessage().contains("missing required field(s) [caseRef, placedBy, releasedBy]"),
        e.getMessage());
  }

  @Test
  void aRequiredFieldThatIsNullIsMissing() {
    Map<String, Object> data = new HashMap<>();
    data.put("caseRef", null);
    data.put("reason", "the case is closed");
    data.put("placedBy", "a");
    data.put("releasedBy", "b");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> EventType.LEGALHOLD_RELEASED.check(data));
    assertTrue(e.getMessage().contains("missing required field(s) [caseRef]"), e.getMessage());
  }

  @Test
  void noDataMeansEveryRequiredFieldIsMissing() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> EventType.POLICY_SUBMITTED.check(null));
    assertTrue(e.getMessage().contains("missing required field(s) [version]"), e.getMessage());
  }

  @Test
  void sharedFieldsComeFirstAndKeepTheirOptionality() {
    List<EventType.Field> fields = EventType.RECORDING_ACCESS_APPROVED.fields();
    assertEquals(
        List.of("reasonCode", "reasonPurpose", "caseRef", "requester", "expiresAt"),
        fields.stream().map(EventType.Field::name).toList());
    assertTrue(fields.stream().allMatch(EventType.Field::required));
    assertFalse(
        EventType.SUBJECT_ACCESS_ANSWERED.fields().stream()
            .filter(f -> f.name().equals("callerHmac"))
            .findFirst()
            .orElseThrow()
            .required());
  }

  @Test
  void aTypeIsFoundByItsWireNameAndAnUnknownNameIsNot() {
    assertEquals(EventType.RECORDING_STOPPED, EventType.find("recording.stopped").orElseThrow());
    assertTrue(EventType.find("recording.accessed").isEmpty());
    assertEquals(EventType.AUDIT_QUERIED, EventType.find("audit.queried").orElseThrow());
  }

  @Test
  void everyEntryIsWellFormed() {
    Pattern wireName = Pattern.compile("[a-z]+(-[a-z]+)*(\\.[a-z]+(-[a-z]+)*)+");
    Pattern requirement = Pattern.compile("R[1-9][0-9]?");
    Set<String> names = new HashSet<>();
    for (EventType type : EventType.values()) {
      assertTrue(wireName.matcher(type.wireName()).matches(), type.wireName());
      assertTrue(names.add(type.wireName()), "twice: " + type.wireName());
      assertFalse(type.meaning().isBlank(), type.wireName());
      assertFalse(type.meaning().contains("|"), "a table cell in the docs: " + type.wireName());
      assertTrue(
          type.requirements().stream().allMatch(r -> requirement.matcher(r).matches()),
          type.wireName() + " " + type.requirements());
      Set<String> fields = new HashSet<>();
      type.fields().forEach(f -> assertTrue(fields.add(f.name()), type + " twice: " + f.name()));
    }
    assertTrue(
        Arrays.stream(EventType.Source.values())
            .allMatch(s -> Arrays.stream(EventType.values()).anyMatch(t -> t.source() == s)));
  }
}
