package se.insyn.recording.recording.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import se.insyn.events.EventType;
import se.insyn.outbox.AuditOutbox;
import se.insyn.problem.Problem;
import se.insyn.problem.ProblemException;
import se.insyn.recording.recording.repository.Recording;
import se.insyn.recording.recording.repository.RecordingRepository;

/** Metadata listing (R50, R51): never content, and every listing is audited. */
@ApplicationScoped
public class RecordingListing {

  public static final int MAX = 1000;

  private final RecordingRepository recordings;
  private final AuditOutbox audit;

  RecordingListing(RecordingRepository recordings, AuditOutbox audit) {
    this.recordings = recordings;
    this.audit = audit;
  }

  @Transactional
  public List<Recording> list(UUID channel, Instant from, Instant to, int limit) {
    if (limit < 1 || limit > MAX) {
      throw ProblemException.badRequest(
          "limit must be 1.." + MAX,
          List.of(new Problem.Violation("limit", "between 1 and " + MAX)));
    }
    if (from != null && to != null && !from.isBefore(to)) {
      throw ProblemException.badRequest(
          "from must be before to", List.of(new Problem.Violation("to", "after from")));
    }
    StringBuilder q = new StringBuilder("1 = 1");
    Map<String, Object> params = new LinkedHashMap<>();
    if (channel != null) {
      q.append(" and channelId = :channel");
      params.put("channel", channel);
    }
    if (from != null) {
      q.append(" and createdAt >= :from");
      params.put("from", from);
    }
    if (to != null) {
      q.append(" and createdAt < :to");
      params.put("to", to);
    }
    q.append(" order by createdAt, id");
    List<Recording> found = recordings.find(q.toString(), params).page(0, limit).list();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("channelId", channel == null ? null : channel.toString());
    data.put("from", from == null ? null : from.toString());
    data.put("to", to == null ? null : to.toString());
    data.put("count", found.size());
    data.put("recordingIds", found.stream().map(r -> r.id.toString()).toList());
    audit.record(
        EventType.RECORDING_LISTED,
        channel == null ? "recordings" : "channel/" + channel,
        null,
        null,
        data);
    return found;
  }
}
