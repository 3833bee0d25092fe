package se.insyn.audit.log.service;

/** What an append did: events newly stored, events already there (ignored), the new tree size. */
public record AppendResult(int accepted, int duplicates, long treeSize) {}
