package se.insyn.audit.log.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The outcome of recomputing the log from its stored leaves.
 *
 * @param consistent true when nothing was found
 * @param treeSize the size that was checked
 * @param checkedFrom the first leaf still stored (earlier ones were pruned by retention)
 * @param checkpointsVerified signed checkpoints whose root and signature were confirmed
 */
public record VerifyReport(
    boolean consistent,
    long treeSize,
    long checkedFrom,
    int checkpointsVerified,
    List<Finding> findings) {

  /**
   * One discrepancy. {@code leafIndex} (and {@code endLeaf} for a range [leafIndex, endLeaf)) say
   * where; {@code checkpointTreeSize} names a signed checkpoint that no longer matches.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Finding(
      String problem, Long leafIndex, Long endLeaf, Long checkpointTreeSize, String detail) {}
}
