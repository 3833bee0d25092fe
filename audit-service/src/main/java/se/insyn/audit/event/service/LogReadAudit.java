package se.insyn.audit.event.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import se.insyn.audit.log.service.ReadAudit;
import se.insyn.identity.Caller;

/** Records reads of the log's entries like every other read of the trail (R39, R62). */
@ApplicationScoped
class LogReadAudit implements ReadAudit {

  private final AccessAudit audit;

  LogReadAudit(AccessAudit audit) {
    this.audit = audit;
  }

  @Override
  public void requirePurpose(
      Caller caller, String resource, String requestedPurpose, Map<String, Object> details) {
    audit.requirePurpose(caller, resource, requestedPurpose, details);
  }
}
