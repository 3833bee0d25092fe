package se.insyn.audit.event.service;

import java.util.Arrays;
import java.util.Optional;

/** Why someone reads the audit trail; every query must state one (R39). */
public enum QueryPurpose {
  INCIDENT_INVESTIGATION,
  SUBJECT_ACCESS_REQUEST,
  SUPERVISORY_REQUEST,
  INTERNAL_CONTROL;

  public static Optional<QueryPurpose> parse(String value) {
    return Arrays.stream(values()).filter(p -> p.name().equals(value)).findFirst();
  }
}
