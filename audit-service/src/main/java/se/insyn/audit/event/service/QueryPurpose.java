package se.insyn.audit.event.service;

/** Why someone reads the audit trail; every query must state one (R39). */
public enum QueryPurpose {
  INCIDENT_INVESTIGATION,
  SUBJECT_ACCESS_REQUEST,
  SUPERVISORY_REQUEST,
  INTERNAL_CONTROL
}
