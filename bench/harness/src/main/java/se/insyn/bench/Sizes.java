package se.insyn.bench;

import java.time.Duration;

/**
 * How long and how big: the full benchmark, or the smoke run that keeps the harness alive in CI.
 */
record Sizes(
    boolean smoke,
    Duration warmup,
    Duration measure,
    Duration saturationWarmup,
    Duration saturation,
    int saturationUsers,
    Duration ingestWarmupLimit,
    Duration ingest,
    int ingestUsers,
    long proofSmall,
    long proofLarge,
    int proofRate,
    Duration proofMeasure,
    long uploadBytes,
    int uploadRepeats,
    int disposalRecordings) {

  static Sizes fullRun() {
    return new Sizes(
        false,
        Duration.ofSeconds(15),
        Duration.ofSeconds(60),
        Duration.ofSeconds(5),
        Duration.ofSeconds(20),
        16,
        Duration.ofSeconds(240),
        Duration.ofSeconds(30),
        4,
        10_000,
        1_000_000,
        200,
        Duration.ofSeconds(30),
        200_000_000,
        3,
        100_000);
  }

  static Sizes smokeRun() {
    return new Sizes(
        true,
        Duration.ofSeconds(2),
        Duration.ofSeconds(4),
        Duration.ofSeconds(1),
        Duration.ofSeconds(3),
        8,
        Duration.ofSeconds(2),
        Duration.ofSeconds(4),
        4,
        1_000,
        10_000,
        100,
        Duration.ofSeconds(3),
        5_000_000,
        1,
        500);
  }
}
