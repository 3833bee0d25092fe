package se.insyn.audit.log.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import se.insyn.audit.log.repository.LogRepository;

/**
 * Runs the tamper check on a schedule inside the service, on one replica at a time (a
 * transaction-scoped advisory lock), and exposes its outcome as metrics so an alert fires on any
 * finding: {@code insyn.audit.verify.findings} (0 when the log is intact) and {@code
 * insyn.audit.verify.last.run.seconds} (epoch seconds of the last completed check).
 */
@ApplicationScoped
public class ScheduledVerification {

  private static final Logger LOG = Logger.getLogger(ScheduledVerification.class);

  private final VerifyService verifier;
  private final LogRepository repository;
  private final AtomicLong findings = new AtomicLong();
  private final AtomicLong lastRun = new AtomicLong();

  ScheduledVerification(VerifyService verifier, LogRepository repository, MeterRegistry registry) {
    this.verifier = verifier;
    this.repository = repository;
    registry.gauge("insyn.audit.verify.findings", findings);
    registry.gauge("insyn.audit.verify.last.run.seconds", lastRun);
  }

  @Scheduled(
      cron = "${insyn.audit.verify.cron}",
      identity = "audit-log-verify",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    runOnce();
  }

  /** The check, unless another replica is running it right now (then empty). */
  @Transactional
  public Optional<VerifyReport> runOnce() {
    if (!repository.tryVerificationLock()) {
      LOG.info("Another replica is verifying the log; skipped");
      return Optional.empty();
    }
    VerifyReport report = verifier.verify();
    findings.set(report.findings().size());
    lastRun.set(System.currentTimeMillis() / 1000);
    if (report.consistent()) {
      LOG.infof(
          "Audit log verified: %d leaves, %d checkpoints",
          report.treeSize(), report.checkpointsVerified());
    } else {
      LOG.errorf(
          "Audit log verification found %d discrepancies: %s",
          report.findings().size(), report.findings());
    }
    return Optional.of(report);
  }
}
