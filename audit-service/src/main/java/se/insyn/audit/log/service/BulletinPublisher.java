package se.insyn.audit.log.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.jboss.logging.Logger;
import se.insyn.audit.config.AuditConfig;
import se.insyn.audit.log.merkle.MerkleProofs;
import se.insyn.audit.log.note.CheckpointBody;
import se.insyn.audit.log.note.NoteFiles;

/**
 * Publishes (R58) the newest checkpoint note to the bulletin directory ({@code checkpoint}, and
 * {@code checkpoints/<size>}) that other agencies mirror, but only once an RFC 9162 consistency
 * proof from the log shows it extends the previously published one; otherwise the log was
 * rewritten, which is logged at ERROR, counted in {@code insyn.audit.bulletin.inconsistent} and not
 * published. Files are written to a temporary name and renamed, so a mirror never reads half a
 * note.
 */
@ApplicationScoped
public class BulletinPublisher {

  private static final Logger LOG = Logger.getLogger(BulletinPublisher.class);
  private static final String LATEST = "checkpoint";

  private final Optional<Path> dir;
  private final CheckpointNotes notes;
  private final LogService log;
  private final Counter inconsistent;

  BulletinPublisher(
      AuditConfig config, CheckpointNotes notes, LogService log, MeterRegistry registry) {
    this.dir = config.bulletin().dir();
    this.notes = notes;
    this.log = log;
    this.inconsistent = registry.counter("insyn.audit.bulletin.inconsistent");
  }

  @Scheduled(
      every = "${insyn.audit.bulletin.every}",
      identity = "audit-bulletin",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void scheduled() {
    if (dir.isPresent() && log.head().treeSize() > 0) {
      publishTo(dir.get());
    }
  }

  /** What one publication did. */
  public enum Outcome {
    PUBLISHED,
    UNCHANGED,
    INCONSISTENT
  }

  /** Publishes the newest checkpoint to {@code target} if it extends the one published there. */
  @Transactional
  public Outcome publishTo(Path target) {
    String note = notes.latest();
    CheckpointBody next =
        notes.verified(note).orElseThrow(() -> new IllegalStateException("Unverifiable own note"));
    Optional<CheckpointBody> previous = published(target);
    if (previous.isPresent()) {
      CheckpointBody last = previous.get();
      if (last.treeSize() == next.treeSize() && Arrays.equals(last.rootHash(), next.rootHash())) {
        return Outcome.UNCHANGED;
      }
      if (!consistent(last, next)) {
        inconsistent.increment();
        LOG.errorf(
            "Checkpoint of size %d is not consistent with the published checkpoint of size %d:"
                + " the log was rewritten; not published (R58)",
            next.treeSize(), last.treeSize());
        return Outcome.INCONSISTENT;
      }
    }
    NoteFiles.writeAtomically(
        target.resolve("checkpoints").resolve(Long.toString(next.treeSize())), note);
    NoteFiles.writeAtomically(target.resolve(LATEST), note);
    return Outcome.PUBLISHED;
  }

  private boolean consistent(CheckpointBody last, CheckpointBody next) {
    if (last.treeSize() > next.treeSize()) {
      return false;
    }
    return MerkleProofs.verifyConsistency(
        last.treeSize(),
        next.treeSize(),
        last.rootHash(),
        next.rootHash(),
        log.consistencyProof(last.treeSize(), next.treeSize()));
  }

  private Optional<CheckpointBody> published(Path target) {
    Path latest = target.resolve(LATEST);
    if (!Files.exists(latest)) {
      return Optional.empty();
    }
    try {
      String note = Files.readString(latest, StandardCharsets.UTF_8);
      return Optional.of(
          notes
              .verified(note)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "The published checkpoint at " + latest + " is not signed by this log")));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the published checkpoint", e);
    }
  }
}
