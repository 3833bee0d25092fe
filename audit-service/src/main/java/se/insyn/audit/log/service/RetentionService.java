package se.insyn.audit.log.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import se.insyn.audit.config.AuditConfig;
import se.insyn.audit.log.merkle.Jcs;
import se.insyn.audit.log.repository.LeafRow;
import se.insyn.audit.log.repository.LogRepository;
import se.insyn.events.EventType;

/**
 * Retention of the log itself (R49). Pruning removes a prefix of leaves [0, P) but keeps the hashes
 * of the perfect subtrees that make up [0, P), which are all that heads, inclusion proofs of later
 * leaves and consistency proofs from sizes ≥ P ever read. Each pruning appends {@code audit.pruned}
 * in the same transaction, so a signed checkpoint states every boundary and the verifier rejects
 * one moved in the database. The log's retention follows the recordings': the boundary never passes
 * a leaf about a recording that is not disposed of, or was disposed of less than the investigation
 * window ago (docs/adr/0010). Off unless {@code insyn.audit.retention.enabled}.
 */
@ApplicationScoped
public class RetentionService {

  private static final Logger LOG = Logger.getLogger(RetentionService.class);

  private final LogRepository repository;
  private final LogWriter writer;
  private final AuditConfig config;
  private final ObjectMapper json;
  private final String source;

  RetentionService(
      LogRepository repository,
      LogWriter writer,
      AuditConfig config,
      ObjectMapper json,
      @ConfigProperty(name = "quarkus.application.name") String source) {
    this.repository = repository;
    this.writer = writer;
    this.config = config;
    this.json = json;
    this.source = source;
  }

  @Scheduled(cron = "${insyn.audit.retention.cron:0 30 3 * * ?}", identity = "audit-log-retention")
  void scheduled() {
    if (config.retention().enabled()) {
      long prunedBelow = pruneOlderThan(Instant.now().minus(config.retention().period()));
      LOG.infof("Audit log retention: leaves below %d are pruned", prunedBelow);
    }
  }

  /**
   * Prunes the leaves appended before the cutoff (the longest such prefix of the log), short of the
   * first leaf about a recording whose trail is still kept.
   *
   * @return the first leaf still stored
   */
  public long pruneOlderThan(Instant cutoff) {
    Instant disposedBefore = Instant.now().minus(config.retention().investigationWindow());
    boolean[] held = {false};
    return writer.prune(
        source,
        head -> {
          long byAge = repository.firstLeafReceivedAtOrAfter(cutoff, head.treeSize());
          long kept = repository.firstLeafOfRecordingsKept(disposedBefore, byAge);
          held[0] = kept < byAge;
          return kept;
        },
        (sequence, previous, below) -> pruned(sequence, previous, below, cutoff, held[0]));
  }

  /**
   * Prunes exactly the leaves [0, end), for an operator who has checked the recordings' retention
   * themselves; recorded like every pruning, without a cutoff.
   *
   * @return the first leaf still stored
   */
  public long pruneBelow(long end) {
    return writer.prune(
        source,
        head -> end,
        (sequence, previous, below) -> pruned(sequence, previous, below, null, false));
  }

  private LeafRow pruned(
      long sequence, long previous, long below, Instant cutoff, boolean keptForRecordings) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("prunedBelow", below);
    data.put("previousPrunedBelow", previous);
    if (cutoff != null) {
      data.put("cutoff", cutoff.toString());
    }
    data.put("keptForRecordings", keptForRecordings);
    EventType.AUDIT_PRUNED.check(data);
    UUID id = UUID.randomUUID();
    Instant time = Instant.now().truncatedTo(ChronoUnit.MICROS);
    ObjectNode event = json.createObjectNode();
    event.putObject("actor").put("subject", "system");
    event.set("data", json.valueToTree(data));
    event.put("id", id.toString());
    event.put("sequence", sequence);
    event.put("source", source);
    event.put("subject", "audit/log");
    event.put("time", time.toString());
    event.put("type", EventType.AUDIT_PRUNED.wireName());
    return new LeafRow(
        "event",
        id,
        source,
        sequence,
        EventType.AUDIT_PRUNED.wireName(),
        time,
        "system",
        "audit/log",
        null,
        null,
        Jcs.write(event));
  }
}
