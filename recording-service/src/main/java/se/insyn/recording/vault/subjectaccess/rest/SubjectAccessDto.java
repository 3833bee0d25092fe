package se.insyn.recording.vault.subjectaccess.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import se.insyn.recording.vault.subjectaccess.service.SubjectAccessService;

/** The answer to "was I recorded?" (R54, R56): per recording, what happened and who reached it. */
public record SubjectAccessDto(List<Item> recordings) {

  public record Item(
      UUID recordingId,
      Instant recordedAt,
      UUID channelId,
      String channelName,
      UUID policyId,
      int policyVersion,
      String purpose,
      String legalBasis,
      String status,
      Instant deleteAfter,
      Instant disposedAt,
      Map<String, Object> disposalReceipt,
      List<Access> accesses) {}

  public record Access(
      String actor, String action, String reasonCode, String caseRef, Instant at) {}

  static SubjectAccessDto of(List<SubjectAccessService.Entry> entries) {
    return new SubjectAccessDto(
        entries.stream()
            .map(
                e ->
                    new Item(
                        e.recording().id,
                        e.recording().startedAt != null
                            ? e.recording().startedAt
                            : e.recording().createdAt,
                        e.recording().channelId,
                        e.channelName(),
                        e.recording().policyId,
                        e.recording().policyVersion,
                        e.policy().purpose.name(),
                        e.policy().legalBasis.name(),
                        e.recording().disposed() ? "DISPOSED" : "RETAINED",
                        e.recording().deleteAfter,
                        e.recording().disposedAt,
                        e.recording().disposalReceipt,
                        e.accesses().stream()
                            .map(
                                a ->
                                    new Access(
                                        a.actor, a.action.name(), a.reasonCode, a.caseRef, a.at))
                            .toList()))
            .toList());
  }
}
