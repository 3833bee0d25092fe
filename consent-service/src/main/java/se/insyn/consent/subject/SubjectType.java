package se.insyn.consent.subject;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who a choice or a decision is about, as callers name it. */
public enum SubjectType {
  /** An employee, identified by the subject of their token. */
  @JsonProperty("employee")
  EMPLOYEE,
  /** A citizen reached by phone, identified by the number (stored only as its HMAC). */
  @JsonProperty("phone")
  PHONE
}
