package se.insyn.audit.event.rest;

/** What a batch did: newly appended events, already known ones (ignored) and the tree size. */
public record IngestResponse(int accepted, int duplicates, long treeSize) {}
