package se.insyn.audit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of the audit trail. */
@ConfigMapping(prefix = "insyn.audit")
public interface AuditConfig {

  /** The checkpoint signing key. */
  Signing signing();

  /**
   * Services that must have been heard from before a report may call the log complete (R60); each
   * sends per-source gap-free sequence numbers.
   */
  @WithDefault("consent-service,recording-service")
  List<String> expectedEmitters();

  /** Retention of the log itself. */
  Retention retention();

  /** Bounds on reads of the trail, against source tracing (R39, R41). */
  Query query();

  /** The scheduled tamper check. */
  Verify verify();

  /** The log's identity in C2SP checkpoints. */
  Log log();

  /** Where checkpoints are published for others to mirror. */
  Bulletin bulletin();

  /** The witnesses whose cosignatures the log accepts. */
  Witness witness();

  interface Log {

    /**
     * The checkpoint origin, also the name of the note signing key: a schema-less URL that names
     * this log and no other (c2sp.org/tlog-checkpoint); set it per deployment.
     */
    @WithDefault("insyn.example/audit-log")
    String origin();
  }

  interface Bulletin {

    /**
     * Directory the checkpoints are published to ({@code checkpoint}, {@code checkpoints/<size>});
     * off when unset.
     */
    Optional<Path> dir();

    /** How often the newest checkpoint is published. */
    @WithDefault("10s")
    String every();
  }

  interface Witness {

    /** Verifier keys ({@code <name>+<hex key id>+<base64>}, type 0x04) of accepted witnesses. */
    Optional<List<String>> keys();
  }

  interface Signing {

    /** PKCS#8 PEM file of the Ed25519 private key (in prod a mounted Secret). */
    Optional<Path> privateKeyFile();

    /** X.509 SubjectPublicKeyInfo PEM file of the matching public key. */
    Optional<Path> publicKeyFile();

    /**
     * Dev/test only: generate a key pair when none is configured (kept in memory), or when the
     * configured files do not exist yet (written there).
     */
    @WithDefault("false")
    boolean generateMissingKey();
  }

  interface Retention {

    /** Whether the scheduled pruning of old log entries runs at all. Off unless switched on. */
    @WithDefault("false")
    boolean enabled();

    /** How long entries are kept after they were appended (10 years). */
    @WithDefault("P3650D")
    Duration period();

    /** When the pruning job runs (Quartz-style cron). */
    @WithDefault("0 30 3 * * ?")
    String cron();

    /**
     * How long a recording's trail is kept after its disposal, for investigations (R49). Entries
     * about a recording not yet disposed, or disposed more recently than this, are never pruned.
     */
    @WithDefault("P730D")
    Duration investigationWindow();
  }

  interface Query {

    /** The most rows one query may select in all its pages; a wider one is refused. */
    @WithDefault("10000")
    int maxRows();

    /**
     * The most lines whose outbound-call metadata one query may select (R39: no bulk export of
     * staff outbound-call metadata); a wider one is refused.
     */
    @WithDefault("3")
    int outboundSweepLimit();

    /** The most lines one report may cover. */
    @WithDefault("20")
    int maxReportLines();
  }

  interface Verify {

    /**
     * When the service recomputes the log and checks every signed checkpoint (Quartz-style cron,
     * {@code off} to disable). It reads the whole log, so daily by default.
     */
    @WithDefault("0 15 4 * * ?")
    String cron();
  }
}
