package se.insyn.audit.log.merkle;

/** Gives the hash of a perfect aligned subtree. */
@FunctionalInterface
public interface NodeSource {

  byte[] hash(NodeKey key);
}
