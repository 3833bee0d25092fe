package se.insyn.audit.log.service;

import java.util.Map;
import se.insyn.identity.Caller;

/**
 * Guards reads of the log that reveal leaf content, the events themselves (R39, R62). The log
 * states the need and the event feature fulfils it, because recording a read means appending an
 * {@code audit.queried} event to this same log: the interface keeps that dependency one-way.
 */
public interface ReadAudit {

  /**
   * Records the read and refuses it (400, after recording the refusal) unless it states an allowed
   * purpose.
   *
   * @param resource what is read, e.g. {@code audit/log/entries}
   */
  void requirePurpose(
      Caller caller, String resource, String requestedPurpose, Map<String, Object> details);
}
