package se.insyn.recording.gate.policy.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import se.insyn.recording.gate.policy.repository.PolicyVersion;
import se.insyn.recording.gate.policy.service.PolicyDraft;
import se.insyn.recording.gate.policy.service.PolicyRules;

/**
 * One version of a policy as the API shows it. {@code effectiveStatus} is SUSPENDED for an active
 * version whose review date has passed (R71).
 */
public record PolicyDto(
    UUID id,
    int version,
    PolicyVersion.Status status,
    PolicyVersion.Status effectiveStatus,
    String author,
    String approvedBy,
    Instant approvedAt,
    PolicyDraft content,
    PolicyRules.Screening dpiaScreening) {

  static PolicyDto of(PolicyVersion v, LocalDate today, PolicyRules.Screening screening) {
    PolicyDraft content =
        new PolicyDraft(
            v.controller,
            v.purpose,
            v.legalBasis,
            v.legalReference,
            new PolicyDraft.Scope(
                Set.copyOf(v.channelIds),
                v.direction,
                v.weekdays(),
                v.hoursFrom,
                v.hoursTo,
                v.mode),
            new PolicyDraft.Consent(v.consentParties, v.consentPurpose),
            v.ropaId,
            new PolicyDraft.Dpia(
                v.dpiaReference,
                v.dpiaAlwaysReason,
                v.vulnerableSubjects,
                v.largeScale,
                v.newTechnology),
            new PolicyDraft.Disposal(
                v.disposalBody,
                v.disposalRegistryNumber,
                v.disposalDate,
                v.disposalDocumentType,
                v.retention),
            new PolicyDraft.Notice(v.noticeVersion, v.announcement),
            new PolicyDraft.Employees(
                v.employeesAffected,
                v.mblReference,
                v.safetyRepView,
                v.exceptionalConsentJustification,
                v.noDetrimentAlternative,
                v.dpoSignOff),
            v.reviewDate);
    return new PolicyDto(
        v.policyId,
        v.version,
        v.status,
        v.effectiveStatus(today),
        v.author,
        v.approvedBy,
        v.approvedAt,
        content,
        screening);
  }
}
