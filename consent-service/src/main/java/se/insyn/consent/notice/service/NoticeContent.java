package se.insyn.consent.notice.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a notice version says, and its canonical form: UTF-8 JSON without whitespace, object
 * keys sorted at every level, arrays in the order given. The purpose code and version are part of
 * it, so that a hash names one version of one purpose's notice.
 */
public record NoticeContent(
    String purpose,
    int version,
    Map<String, String> texts,
    List<NewNotice.Limit> limits,
    String controller,
    String contact,
    boolean requiresReconsent) {

  private static final ObjectMapper CANONICAL =
      JsonMapper.builder()
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .build();

  public static NoticeContent of(String purpose, int version, NewNotice notice) {
    return new NoticeContent(
        purpose,
        version,
        new TreeMap<>(notice.texts()),
        notice.limits().stream()
            .map(l -> new NewNotice.Limit(l.kind(), new TreeMap<>(l.text())))
            .toList(),
        notice.controller(),
        notice.contact(),
        notice.requiresReconsent());
  }

  public static NoticeContent parse(String canonical) {
    try {
      return CANONICAL.readValue(canonical, NoticeContent.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A stored notice is not in canonical form", e);
    }
  }

  public String canonical() {
    try {
      return CANONICAL.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A notice cannot be written as JSON", e);
    }
  }

  /** SHA-256 over the canonical form's UTF-8 bytes, lower-case hex. */
  public static String sha256(String canonical) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
