package se.insyn.consent.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.insyn.consent.notice.service.NewNotice;
import se.insyn.consent.notice.service.NoticeContent;

class NoticeContentTest {

  private static NewNotice notice(Map<String, String> texts) {
    return new NewNotice(
        texts,
        List.of(new NewNotice.Limit(NewNotice.LimitKind.RETENTION, Map.of("sv", "30 dagar"))),
        "Myndigheten",
        "dso@example.se",
        true);
  }

  @Test
  void theCanonicalFormSortsKeysAtEveryLevelAndHasNoWhitespace() {
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("sv", "Hej");
    texts.put("en", "Hello");
    String canonical = NoticeContent.of("p", 3, notice(texts)).canonical();
    assertEquals(
        "{\"contact\":\"dso@example.se\",\"controller\":\"Myndigheten\","
            + "\"limits\":[{\"kind\":\"RETENTION\",\"text\":{\"sv\":\"30 dagar\"}}],"
            + "\"purpose\":\"p\",\"requiresReconsent\":true,"
            + "\"texts\":{\"en\":\"Hello\",\"sv\":\"Hej\"},\"version\":3}",
        canonical);
  }

  @Test
  void theHashIsSha256OfTheCanonicalFormAndIndependentOfInputOrder() {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("sv", "Hej");
    a.put("en", "Hello");
    Map<String, String> b = new LinkedHashMap<>();
    b.put("en", "Hello");
    b.put("sv", "Hej");
    String hashA = NoticeContent.sha256(NoticeContent.of("p", 1, notice(a)).canonical());
    String hashB = NoticeContent.sha256(NoticeContent.of("p", 1, notice(b)).canonical());
    assertEquals(hashA, hashB);
    assertEquals(64, hashA.length());
    assertNotEquals(hashA, NoticeContent.sha256(NoticeContent.of("p", 2, notice(a)).canonical()));
    // The well-known SHA-256 of "abc".
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        NoticeContent.sha256("abc"));
  }

  @Test
  void theStoredFormReadsBackToTheSameContent() {
    NoticeContent content = NoticeContent.of("p", 1, notice(Map.of("sv", "Hej")));
    assertEquals(content, NoticeContent.parse(content.canonical()));
  }
}
