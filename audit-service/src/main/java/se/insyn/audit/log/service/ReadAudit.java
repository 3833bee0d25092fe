package se.insyn.audit.log.service;

import se.insyn.identity.Caller;

/**
 * Guards reads of the log that reveal leaf content, the events themselves (R39, R62). The log
 * states the need and the event feature fulfils it, because recording a read means appending an
 * {@code audit.queried} event to this same log: the interface keeps that dependency one-way.
 */
public interface ReadAudit {

  /**
   * Records a read of the leaf inputs [start, end) and refuses it unless it states an allowed
   * purpose and a case reference (400) and the range holds no event about a protected line (403,
   * flagged to the DPO); refusals are recorded too.
   */
  void requireEntries(Caller caller, String requestedPurpose, String caseRef, long start, long end);
}
