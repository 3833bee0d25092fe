package se.insyn.consent.change.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One entry of the change feed: a consent that no longer counts. Never changed once written. */
@Entity
@Immutable
@Table(name = "consent_change")
public class ConsentChange {

  /** Why a consent stopped counting. */
  public enum Kind {
    /** The person withdrew it. */
    WITHDRAWN,
    /** A later refusal or objection for the same purpose replaced it. */
    SUPERSEDED
  }

  /** Gap-free, in commit order; see {@link ConsentChangeRepository#append}. */
  @Id public long position;

  @Column(name = "consent_id", nullable = false)
  public UUID consentId;

  @Column(name = "purpose_code", nullable = false)
  public String purposeCode;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Kind change;

  @Column(name = "changed_at", nullable = false)
  public Instant changedAt;
}
