package se.insyn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScenariosTest {

  @Test
  void theMedianIsTheMiddleOfTheSortedValues() {
    assertEquals(2.0, Scenarios.median(List.of(9.0, 2.0, 1.0)));
    assertEquals(1.5, Scenarios.median(List.of(2.0, 1.0)));
    assertEquals(4.0, Scenarios.median(List.of(4.0)));
    assertThrows(IllegalArgumentException.class, () -> Scenarios.median(List.of()));
  }
}
