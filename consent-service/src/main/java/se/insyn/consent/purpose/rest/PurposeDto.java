package se.insyn.consent.purpose.rest;

import java.util.ArrayList;
import java.util.List;
import se.insyn.consent.purpose.repository.Purpose;
import se.insyn.consent.purpose.service.NewPurpose;

/**
 * A purpose as the API shows it.
 *
 * @param currentNoticeVersion the latest published notice, null until one is published
 */
public record PurposeDto(
    String code,
    String titleSv,
    String titleEn,
    List<NewPurpose.SubjectKind> subjects,
    Purpose.ChoiceModel choiceModel,
    Integer currentNoticeVersion) {

  static PurposeDto of(Purpose p) {
    List<NewPurpose.SubjectKind> subjects = new ArrayList<>();
    if (p.concernsEmployees) {
      subjects.add(NewPurpose.SubjectKind.EMPLOYEE);
    }
    if (p.concernsCitizens) {
      subjects.add(NewPurpose.SubjectKind.CITIZEN);
    }
    return new PurposeDto(
        p.code, p.titleSv, p.titleEn, subjects, p.choiceModel, p.currentNoticeVersion);
  }
}
