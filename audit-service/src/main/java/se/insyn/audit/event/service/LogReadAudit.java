package se.insyn.audit.event.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import se.insyn.audit.event.repository.StoredEventRepository;
import se.insyn.audit.log.service.ReadAudit;
import se.insyn.identity.Caller;

/** Records reads of the log's entries like every other read of the trail (R39, R62). */
@ApplicationScoped
class LogReadAudit implements ReadAudit {

  private static final String RESOURCE = "audit/log/entries";

  private final AccessAudit audit;
  private final StoredEventRepository events;
  private final SourceProtection protection;

  LogReadAudit(AccessAudit audit, StoredEventRepository events, SourceProtection protection) {
    this.audit = audit;
    this.events = events;
    this.protection = protection;
  }

  @Override
  public void requireEntries(
      Caller caller, String requestedPurpose, String caseRef, long start, long end) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("start", start);
    request.put("end", end);
    QueryPurpose purpose =
        audit.refuseInvalid(
            caller, RESOURCE, requestedPurpose, caseRef, request, new ArrayList<>());
    if (events.anyAbout(protection.protectedSubjects(), start, end)) {
      throw audit.refuseAsSourceTracing(
          caller,
          RESOURCE,
          purpose,
          caseRef,
          request,
          "PROTECTED_LINE",
          "The range holds events about a protected line, whose traffic is not traced (R39,"
              + " R41); read around them.");
    }
    audit.record(caller, RESOURCE, purpose, requestedPurpose, caseRef, false, request);
  }
}
