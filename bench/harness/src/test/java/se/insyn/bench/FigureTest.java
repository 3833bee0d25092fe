package se.insyn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FigureTest {

  @Test
  void aValueTargetIsJudgedOnTheValueAndARatioTargetOnTheRatio() {
    assertTrue(Figure.of("p99", 20, "ms").target(Figure.Target.valueAtMost(25)).pass());
    assertFalse(Figure.of("p99", 30, "ms").target(Figure.Target.valueAtMost(25)).pass());
    Figure rate =
        Figure.of("max-rate", 400, "req/s").against(1000).target(Figure.Target.ratioAtLeast(0.5));
    assertEquals(0.4, rate.ratio(), 1e-9);
    assertFalse(rate.pass());
    assertTrue(rate.against(700).pass());
    assertNull(Figure.of("x", 1, "ms").pass());
  }

  @Test
  void theLineNamesValueRatioReferenceAndVerdict() {
    Figure f =
        Figure.of("decision.p99", 14.2, "ms").against(6.76).target(Figure.Target.valueAtMost(25));
    assertEquals(
        "decision.p99: 14.2 ms (2.10× vs reference 6.76 ms)  target ≤ 25 ms: PASS", Report.line(f));
  }
}
