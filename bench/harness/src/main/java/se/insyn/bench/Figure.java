package se.insyn.bench;

/**
 * One measured number, optionally with the same quantity measured on the reference in the same run,
 * and the target for it.
 *
 * @param reference the reference's value, or null when the figure has none
 * @param target what the figure should reach, or null; a miss is reported, never fatal
 */
record Figure(String name, double value, String unit, Double reference, Target target) {

  /**
   * A target on the value itself or on the ratio value / reference.
   *
   * @param onRatio whether the bound applies to the ratio rather than the value
   * @param atMost true for "≤ bound", false for "≥ bound"
   */
  record Target(boolean onRatio, boolean atMost, double bound) {

    static Target valueAtMost(double bound) {
      return new Target(false, true, bound);
    }

    static Target valueAtLeast(double bound) {
      return new Target(false, false, bound);
    }

    static Target ratioAtMost(double bound) {
      return new Target(true, true, bound);
    }

    static Target ratioAtLeast(double bound) {
      return new Target(true, false, bound);
    }

    String describe(String unit) {
      return (atMost ? "≤ " : "≥ ") + Report.number(bound) + (onRatio ? "×" : " " + unit);
    }
  }

  static Figure of(String name, double value, String unit) {
    return new Figure(name, value, unit, null, null);
  }

  Figure against(double referenceValue) {
    return new Figure(name, value, unit, referenceValue, target);
  }

  Figure target(Target t) {
    return new Figure(name, value, unit, reference, t);
  }

  Double ratio() {
    return reference == null || reference == 0 ? null : value / reference;
  }

  /** Null when there is no target (or no ratio for a ratio target). */
  Boolean pass() {
    if (target == null) {
      return null;
    }
    Double measured = target.onRatio() ? ratio() : Double.valueOf(value);
    if (measured == null) {
      return null;
    }
    return target.atMost() ? measured <= target.bound() : measured >= target.bound();
  }
}
