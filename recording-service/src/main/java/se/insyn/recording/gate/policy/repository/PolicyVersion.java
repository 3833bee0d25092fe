package se.insyn.recording.gate.policy.repository;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One version of a policy. Its content never changes after creation (R9); only its status moves
 * through the lifecycle.
 */
@Entity
@Table(name = "policy_version")
public class PolicyVersion {

  public enum Status {
    DRAFT,
    SUBMITTED,
    ACTIVE,
    REJECTED,
    SUSPENDED,
    SUPERSEDED,
    RETIRED
  }

  /** The controlled list of purposes; there is deliberately no "all calls" (R4). */
  public enum Purpose {
    THREAT_DOCUMENTATION,
    PATIENT_SAFETY,
    CASE_DOCUMENTATION,
    QUALITY_TRAINING
  }

  /** GDPR Art 6(1) bases; only (c) and (e) normally qualify (R4-R6). */
  public enum LegalBasis {
    PUBLIC_TASK,
    LEGAL_OBLIGATION,
    CONSENT,
    LEGITIMATE_INTEREST,
    CONTRACT,
    VITAL_INTERESTS
  }

  public enum Direction {
    INBOUND,
    OUTBOUND,
    BOTH
  }

  public enum Mode {
    ON_DEMAND,
    ALWAYS
  }

  /** Whose choices the consent-service must check before recording. */
  public enum ConsentParties {
    NONE,
    CALLER,
    EMPLOYEE,
    BOTH;

    public boolean caller() {
      return this == CALLER || this == BOTH;
    }

    public boolean employee() {
      return this == EMPLOYEE || this == BOTH;
    }
  }

  @Id public UUID id;

  @Column(name = "policy_id", nullable = false)
  public UUID policyId;

  @Column(nullable = false)
  public int version;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Status status;

  @Column(nullable = false)
  public String author;

  @Column(name = "approved_by")
  public String approvedBy;

  @Column(name = "approved_at")
  public Instant approvedAt;

  public String controller;

  @Enumerated(EnumType.STRING)
  public Purpose purpose;

  @Enumerated(EnumType.STRING)
  @Column(name = "legal_basis")
  public LegalBasis legalBasis;

  @Column(name = "legal_reference")
  public String legalReference;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "policy_version_channel",
      joinColumns = @JoinColumn(name = "policy_version_id"))
  @Column(name = "channel_id")
  public Set<UUID> channelIds = new LinkedHashSet<>();

  @Enumerated(EnumType.STRING)
  public Direction direction;

  /** Comma-separated {@link DayOfWeek} names. */
  @Column(name = "weekdays")
  String weekdayList;

  @Column(name = "hours_from")
  public LocalTime hoursFrom;

  /** Exclusive end; 00:00 means the end of the day. */
  @Column(name = "hours_to")
  public LocalTime hoursTo;

  @Enumerated(EnumType.STRING)
  public Mode mode;

  @Enumerated(EnumType.STRING)
  @Column(name = "consent_parties", nullable = false)
  public ConsentParties consentParties = ConsentParties.NONE;

  @Column(name = "consent_purpose")
  public String consentPurpose;

  @Column(name = "ropa_id")
  public String ropaId;

  @Column(name = "dpia_reference")
  public String dpiaReference;

  @Column(name = "dpia_always_reason")
  public String dpiaAlwaysReason;

  @Column(name = "vulnerable_subjects")
  public Boolean vulnerableSubjects;

  @Column(name = "large_scale")
  public Boolean largeScale;

  @Column(name = "new_technology")
  public Boolean newTechnology;

  @Column(name = "disposal_body")
  public String disposalBody;

  @Column(name = "disposal_registry_number")
  public String disposalRegistryNumber;

  @Column(name = "disposal_date")
  public LocalDate disposalDate;

  @Column(name = "disposal_document_type")
  public String disposalDocumentType;

  /** ISO-8601 period or duration, or {@code PRESERVE}. */
  public String retention;

  @Column(name = "notice_version")
  public String noticeVersion;

  /** The spoken notice per language code (R21, R25). */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  public Map<String, String> announcement = new LinkedHashMap<>();

  @Column(name = "employees_affected")
  public Boolean employeesAffected;

  @Column(name = "mbl_reference")
  public String mblReference;

  @Column(name = "safety_rep_view")
  public String safetyRepView;

  @Column(name = "exceptional_consent_justification")
  public String exceptionalConsentJustification;

  @Column(name = "no_detriment_alternative")
  public String noDetrimentAlternative;

  @Column(name = "dpo_sign_off")
  public String dpoSignOff;

  @Column(name = "review_date")
  public LocalDate reviewDate;

  @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
  public Instant createdAt;

  public Set<DayOfWeek> weekdays() {
    if (weekdayList == null || weekdayList.isBlank()) {
      return EnumSet.noneOf(DayOfWeek.class);
    }
    return Arrays.stream(weekdayList.split(","))
        .map(DayOfWeek::valueOf)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
  }

  public void weekdays(Set<DayOfWeek> days) {
    weekdayList =
        days == null || days.isEmpty()
            ? null
            : EnumSet.copyOf(days).stream().map(DayOfWeek::name).collect(Collectors.joining(","));
  }

  /** An active version whose review date has passed counts as suspended (R71). */
  public Status effectiveStatus(LocalDate today) {
    if (status == Status.ACTIVE && (reviewDate == null || reviewDate.isBefore(today))) {
      return Status.SUSPENDED;
    }
    return status;
  }
}
