package se.insyn.audit.log.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** RFC 8785 canonical JSON for the values the log accepts. */
class JcsTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void propertiesAreSortedByUtf16CodeUnitsAsInRfc8785Section323() throws Exception {
    String input =
        "{\"\\u20ac\":1,\"\\r\":2,\"\\ufb33\":3,\"1\":4,\"\\ud83d\\ude00\":5,\"\\u0080\":6,"
            + "\"\\u00f6\":7}";
    assertEquals(
        "{\"\\r\":2,\"1\":4,\"\u0080\":6,\"\u00f6\":7,\"\u20ac\":1,\"\ud83d\ude00\":5,\"\ufb33\":3}",
        Jcs.write(json.readTree(input)));
  }

  @Test
  void stringsEscapeOnlyWhatJsonRequires() throws Exception {
    assertEquals(
        "{\"a\":\"\\\"\\\\\\b\\f\\n\\r\\t\\u001f/é\"}",
        Jcs.write(json.readTree("{\"a\":\"\\\"\\\\\\b\\f\\n\\r\\t\\u001f\\/\\u00e9\"}")));
  }

  @Test
  void whitespaceIsDroppedAndIntegersAreWrittenPlainly() throws Exception {
    assertEquals(
        "{\"a\":[1,-2,3,true,null],\"b\":{}}",
        Jcs.write(json.readTree(" { \"b\" : { } , \"a\" : [ 1 , -2 , 3.0 , true , null ] } ")));
  }

  @Test
  void fractionsLargeNumbersAndLoneSurrogatesAreRefusedWithTheirPath() throws Exception {
    assertEquals(
        "data.share",
        assertThrows(
                Jcs.NotCanonicalisableException.class,
                () -> Jcs.write(json.readTree("{\"data\":{\"share\":1.5}}")))
            .path());
    assertEquals(
        "n[1]",
        assertThrows(
                Jcs.NotCanonicalisableException.class,
                () -> Jcs.write(json.readTree("{\"n\":[1,9007199254740992]}")))
            .path());
    assertEquals(
        "s",
        assertThrows(
                Jcs.NotCanonicalisableException.class,
                () -> Jcs.write(json.readTree("{\"s\":\"\\ud800\"}")))
            .path());
  }
}
