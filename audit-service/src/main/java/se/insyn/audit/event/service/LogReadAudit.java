package se.insyn.audit.event.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import se.insyn.audit.log.service.ReadAudit;

/** Records reads of the log's entries like every other read of the trail (R39, R62). */
@ApplicationScoped
class LogReadAudit implements ReadAudit {

  private final AccessAudit audit;

  LogReadAudit(AccessAudit audit) {
    this.audit = audit;
  }

  @Override
  public void requirePurpose(
      String subject,
      String clientId,
      String resource,
      String requestedPurpose,
      Map<String, Object> details) {
    audit.requirePurpose(new Caller(subject, clientId), resource, requestedPurpose, details);
  }
}
