package se.insyn.consent.purpose.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "purpose")
public class Purpose {

  /** How a person's choice works for a purpose. */
  public enum ChoiceModel {
    /** Consent: nothing happens until an affirmative act. */
    OPT_IN,
    /** Objection or standing preference under another legal basis. */
    OPT_OUT
  }

  @Id public String code;

  @Column(name = "title_sv", nullable = false)
  public String titleSv;

  @Column(name = "title_en")
  public String titleEn;

  @Column(name = "concerns_employees", nullable = false)
  public boolean concernsEmployees;

  @Column(name = "concerns_citizens", nullable = false)
  public boolean concernsCitizens;

  @Enumerated(EnumType.STRING)
  @Column(name = "choice_model", nullable = false)
  public ChoiceModel choiceModel;

  /** The latest published notice; null until the first one. */
  @Column(name = "current_notice_version")
  public Integer currentNoticeVersion;

  /**
   * The oldest notice version whose choices still count: the latest one published with {@code
   * requiresReconsent} (or the first).
   */
  @Column(name = "counting_from_version")
  public Integer countingFromVersion;

  @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
  public Instant createdAt;
}
