package se.insyn.audit.log.repository;

/** The log's size and the first leaf still stored (leaves below were pruned). */
public record LogHead(long treeSize, long prunedBelow) {}
