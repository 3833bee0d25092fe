package se.insyn.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The RFC 6238 (appendix B, SHA-1) and RFC 4648 (section 10) test vectors. */
class TotpTest {

  private static final byte[] RFC_6238_KEY =
      "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  @Test
  void codesAreTheLastSixDigitsOfTheRfcVectors() {
    assertEquals("287082", Totp.code(RFC_6238_KEY, Instant.ofEpochSecond(59)));
    assertEquals("081804", Totp.code(RFC_6238_KEY, Instant.ofEpochSecond(1111111109)));
    assertEquals("005924", Totp.code(RFC_6238_KEY, Instant.ofEpochSecond(1234567890)));
    assertEquals("279037", Totp.code(RFC_6238_KEY, Instant.ofEpochSecond(2000000000)));
  }

  @Test
  void base32IsRfc4648WithoutPadding() {
    assertEquals("MZXW6YTBOI", Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII)));
    assertEquals("MZXW6", Totp.base32("foo".getBytes(StandardCharsets.US_ASCII)));
    assertEquals("MY", Totp.base32("f".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void everyDemoUserWithASecondFactorHasACode() {
    assertEquals(
        LocalRealm.totpSecrets().keySet(),
        java.util.Set.of(
            "demo-policy-approver",
            "demo-investigator",
            "demo-reviewer",
            "demo-incident-handler",
            "demo-records-officer",
            "demo-dpo",
            "demo-auditor",
            "demo-policy-approver-2",
            "demo-policy-lead"));
    assertEquals(6, LocalRealm.totpCode("demo-dpo", Instant.now()).orElseThrow().length());
  }
}
