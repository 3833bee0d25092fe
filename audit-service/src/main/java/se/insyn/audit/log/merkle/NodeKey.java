package se.insyn.audit.log.merkle;

/**
 * A perfect, aligned subtree: the {@code 2^level} leaves starting at {@code index * 2^level}. These
 * are the only nodes the log stores; every other RFC 9162 subtree hash is combined from them.
 */
public record NodeKey(int level, long index) {

  public long firstLeaf() {
    return index << level;
  }

  /** One past the last leaf. */
  public long endLeaf() {
    return (index + 1) << level;
  }
}
