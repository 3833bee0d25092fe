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

  private static final long MAX_SAFE_LONG = (1L << 53) - 1;
  private static final BigInteger MAX_SAFE = BigInteger.valueOf(MAX_SAFE_LONG);

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

  /**
   * Appends the canonical form of {@code value} to {@code out}.
   *
   * @param path the value's JSON path, named in the exception
   */
  public static void write(JsonNode value, String path, StringBuilder out) {
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

  /**
   * Appends an integer in canonical form.
   *
   * @throws NotCanonicalisableException when it is beyond ±(2^53 − 1)
   */
  public static void integer(long value, String path, StringBuilder out) {
    if (value > MAX_SAFE_LONG || value < -MAX_SAFE_LONG) {
      throw new NotCanonicalisableException(
          path, "must be within ±(2^53 - 1); send larger values as strings");
    }
    out.append(value);
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

  /**
   * Appends {@code s} as a canonical JSON string.
   *
   * @param path the string's JSON path, named in the exception
   */
  public static void string(String s, String path, StringBuilder out) {
    out.append('"');
    if (plain(s)) {
      out.append(s).append('"');
      return;
    }
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

  /** Whether {@code s} is written as it is: no character in it needs an escape or a check. */
  private static boolean plain(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
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
