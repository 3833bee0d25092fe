package se.insyn.audit.log.repository;

import java.time.Instant;

/** A signed tree head as stored. */
public record CheckpointRow(
    long treeSize, byte[] rootHash, Instant signedAt, String keyId, byte[] signature) {}
