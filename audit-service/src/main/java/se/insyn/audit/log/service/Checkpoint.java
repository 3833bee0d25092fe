package se.insyn.audit.log.service;

import java.time.Instant;

/** A signed tree head. */
public record Checkpoint(
    long treeSize, byte[] rootHash, Instant signedAt, String keyId, byte[] signature) {}
