package se.insyn.audit.report.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * The investigation report (R60, R61): recordings on the given channels in the window, everything
 * the log says about each, and whether the log is complete enough for absences to mean anything.
 */
public record RecordingsReport(
    List<String> channels,
    Instant from,
    Instant to,
    Instant generatedAt,
    long treeSize,
    List<Recording> recordings,
    Completeness completeness) {

  /**
   * @param accessStatement {@code ACCESSED}, {@code NO_ACCESS} (the log is complete, so none
   *     occurred) or {@code NO_ACCESS_FOUND_LOG_INCOMPLETE}
   */
  public record Recording(
      String subject,
      String channelId,
      String decision,
      JsonNode reasons,
      String policyId,
      String policyVersion,
      Instant decidedAt,
      Instant startedAt,
      Instant stoppedAt,
      Instant disposedAt,
      String disposalDecision,
      List<Access> accesses,
      List<Access> refusedAccesses,
      String accessStatement) {}

  /**
   * One access (or refused attempt): who, when, why.
   *
   * @param kind {@code PLAYBACK} (a reviewer listened, or tried to) or {@code EXPORT} (the DPO's
   *     copy for the data subject)
   * @param reason the reason code given (for an export: the kind of export)
   * @param refusal why an attempt was refused ({@code ROLE}, {@code PURPOSE}, ...), else null
   */
  public record Access(
      Instant time,
      String kind,
      String actor,
      String clientId,
      String reason,
      String caseReference,
      String refusal,
      long leafIndex) {}

  /**
   * @param complete true only when every expected emitter has gap-free sequence numbers and was
   *     heard from after the window ended
   */
  public record Completeness(boolean complete, String statement, List<Emitter> emitters) {}

  /** What the log shows of one expected emitter. */
  public record Emitter(
      String source,
      boolean heardFrom,
      long events,
      Long firstSequence,
      Long lastSequence,
      long missingSequences,
      Instant lastEventAt,
      boolean heardFromAfterWindow) {}
}
