package se.insyn.consent.purpose.rest;

import se.insyn.consent.purpose.repository.Purpose;

/** A purpose as the API shows it. */
public record PurposeDto(
    String code, String titleSv, String titleEn, Purpose.ChoiceModel choiceModel) {

  static PurposeDto of(Purpose p) {
    return new PurposeDto(p.code, p.titleSv, p.titleEn, p.choiceModel);
  }
}
