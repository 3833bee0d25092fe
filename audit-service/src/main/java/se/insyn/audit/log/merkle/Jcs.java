package se.insyn.audit.log.merkle;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * RFC 8785 JSON Canonicalization Scheme for the values the log accepts. Numbers are limited to
 * integers within ±(2^53 − 1), whose JCS form is their plain decimal digits; anything else is
 * refused rather than risk a second implementation disagreeing on ECMAScript number formatting.
 */
public final class Jcs {

  private static final BigInteger MAX_SAFE = BigInteger.valueOf((1L << 53) - 1);

  private Jcs() {}

  /**
   * @return the canonical text
   * @throws NotCanonicalisableException naming the JSON path of the first value JCS cannot carry
   */
  public static String write(JsonNode value) {
    StringBuilder out = new StringBuilder();
    write(value, "", out);
    return out.toString();
  }

  private static void write(JsonNode value, String path, StringBuilder out) {
    switch (value.getNodeType()) {
      case OBJECT -> {
        List<String> names = new ArrayList<>();
        value.fieldNames().forEachRemaining(names::add);
        // UTF-16 code unit order, which is String.compareTo's.
        names.sort(String::compareTo);
        out.append('{');
        for (int i = 0; i < names.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          String name = names.get(i);
          string(name, path, out);
          out.append(':');
          write(value.get(name), path.isEmpty() ? name : path + "." + name, out);
        }
        out.append('}');
      }
      case ARRAY -> {
        out.append('[');
        Iterator<JsonNode> items = value.elements();
        int i = 0;
        while (items.hasNext()) {
          if (i > 0) {
            out.append(',');
          }
          write(items.next(), path + "[" + i + "]", out);
          i++;
        }
        out.append(']');
      }
      case STRING -> string(value.textValue(), path, out);
      case NUMBER -> out.append(integer(value, path));
      case BOOLEAN -> out.append(value.booleanValue());
      case NULL -> out.append("null");
      default -> throw new NotCanonicalisableException(path, "is not a JSON value");
    }
  }

  private static String integer(JsonNode number, String path) {
    BigDecimal decimal = number.decimalValue();
    BigInteger integer;
    try {
      integer = decimal.toBigIntegerExact();
    } catch (ArithmeticException e) {
      throw new NotCanonicalisableException(
          path, "must be an integer; send fractional values as strings");
    }
    if (integer.abs().compareTo(MAX_SAFE) > 0) {
      throw new NotCanonicalisableException(
          path, "must be within ±(2^53 - 1); send larger values as strings");
    }
    return integer.toString();
  }

  private static void string(String s, String path, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        out.append(c).append(s.charAt(++i));
        continue;
      }
      if (Character.isSurrogate(c)) {
        throw new NotCanonicalisableException(path, "contains a lone surrogate");
      }
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** A value JCS (as limited here) cannot represent. */
  public static final class NotCanonicalisableException extends RuntimeException {

    private final String path;

    public NotCanonicalisableException(String path, String message) {
      super(message);
      this.path = path;
    }

    /** The JSON path below the canonicalised value, e.g. {@code data.count}. */
    public String path() {
      return path;
    }
  }
}
