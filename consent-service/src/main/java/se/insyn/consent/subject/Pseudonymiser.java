package se.insyn.consent.subject;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import se.insyn.consent.config.ConsentConfig;

/** Turns subjects as callers name them into the pseudonyms that are stored (R11, R33). */
@ApplicationScoped
public class Pseudonymiser {

  /** E.164: a plus sign and 7 to 15 digits; one spelling per number so that its HMAC is stable. */
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  Pseudonymiser(ConsentConfig config) {
    this.key = new SecretKeySpec(config.phoneHmacKey().getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  public static boolean isPhoneNumber(String value) {
    return value != null && E164.matcher(value).matches();
  }

  /** The pseudonym of a subject whose value has been validated ({@link #isPhoneNumber}). */
  public Pseudonym of(SubjectRef subject) {
    return subject.type() == SubjectType.PHONE
        ? new Pseudonym(SubjectType.PHONE, hmac(subject.value()))
        : new Pseudonym(SubjectType.EMPLOYEE, subject.value());
  }

  public Pseudonym employee(String tokenSubject) {
    return new Pseudonym(SubjectType.EMPLOYEE, tokenSubject);
  }

  private String hmac(String phoneNumber) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(phoneNumber.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
