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

  @Enumerated(EnumType.STRING)
  @Column(name = "choice_model", nullable = false)
  public ChoiceModel choiceModel;

  @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
  public Instant createdAt;
}
