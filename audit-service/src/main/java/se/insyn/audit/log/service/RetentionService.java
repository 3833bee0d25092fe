package se.insyn.audit.log.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import org.jboss.logging.Logger;
import se.insyn.audit.config.AuditConfig;
import se.insyn.audit.log.merkle.MerkleProofs;
import se.insyn.audit.log.merkle.NodeKey;
import se.insyn.audit.log.repository.LogHead;
import se.insyn.audit.log.repository.LogRepository;

/**
 * Retention of the log itself. Pruning removes a prefix of leaves [0, P) but keeps the hashes of
 * the perfect subtrees that make up [0, P), which are all that heads, inclusion proofs of later
 * leaves and consistency proofs from sizes ≥ P ever read. Off unless {@code
 * insyn.audit.retention.enabled}.
 */
@ApplicationScoped
public class RetentionService {

  private static final Logger LOG = Logger.getLogger(RetentionService.class);

  private final LogRepository repository;
  private final AuditConfig config;

  RetentionService(LogRepository repository, AuditConfig config) {
    this.repository = repository;
    this.config = config;
  }

  @Scheduled(cron = "${insyn.audit.retention.cron:0 30 3 * * ?}", identity = "audit-log-retention")
  void scheduled() {
    if (config.retention().enabled()) {
      long prunedBelow = pruneOlderThan(Instant.now().minus(config.retention().period()));
      LOG.infof("Audit log retention: leaves below %d are pruned", prunedBelow);
    }
  }

  /** Prunes the leaves appended before the cutoff (the longest such prefix of the log). */
  @Transactional
  public long pruneOlderThan(Instant cutoff) {
    LogHead head = repository.lockHead();
    return pruneBelow(head, repository.firstLeafReceivedAtOrAfter(cutoff, head.treeSize()));
  }

  /**
   * Prunes leaves [0, end).
   *
   * @return the first leaf still stored
   */
  @Transactional
  public long pruneBelow(long end) {
    return pruneBelow(repository.lockHead(), end);
  }

  private long pruneBelow(LogHead head, long end) {
    long boundary = Math.min(end, head.treeSize());
    if (boundary <= head.prunedBelow()) {
      return head.prunedBelow();
    }
    Map<NodeKey, byte[]> keep = repository.nodes(MerkleProofs.decomposition(0, boundary));
    repository.prune(boundary, keep);
    repository.updateHead(new LogHead(head.treeSize(), boundary));
    return boundary;
  }
}
