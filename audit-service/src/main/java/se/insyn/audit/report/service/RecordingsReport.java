package se.insyn.audit.report.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * The investigation report (R60, R61): recordings on the given channels in the window, everything
 * the log says about each, the calls refused there, who configured the lines, recordings found
 * outside the suite, and whether the log is complete enough for absences to mean anything. Times
 * are UTC (R63); the CSV form renders them in Europe/Stockholm.
 *
 * @param refusedCalls per line, the calls the suite refused to record in the window
 * @param distinctCallers how many different callers (by their keyed HMAC, never a number) the
 *     window's decisions on these lines concern
 * @param configurationHistory up to the window's end: the lifecycle of every policy that covered
 *     one of the lines (created, submitted, approved, rejected, suspended, retired), kill switch
 *     engagements and releases that reached them, and the lines' registrations; who and when
 * @param foundOutsideTheSuite recordings found on a platform's own store in the window (discovery
 *     batches, incidents and what became of them)
 */
public record RecordingsReport(
    List<String> channels,
    Instant from,
    Instant to,
    Instant generatedAt,
    long treeSize,
    List<Recording> recordings,
    List<LineCount> refusedCalls,
    long distinctCallers,
    List<LoggedEvent> configurationHistory,
    List<LoggedEvent> foundOutsideTheSuite,
    Completeness completeness) {

  /** The calls on one line the suite refused to record. */
  public record LineCount(String channelId, long refused) {}

  /** An event of the log as the report shows it: when, what, who, about what, its data. */
  public record LoggedEvent(
      Instant time, String type, String actor, String subject, JsonNode data, long leafIndex) {}

  /**
   * @param deleteAfter the end of its retention as the disposal receipt states it (null until it is
   *     disposed of: the recording-service does not log a recording's retention before)
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
      String deleteAfter,
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
