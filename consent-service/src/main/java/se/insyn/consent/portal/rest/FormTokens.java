package se.insyn.consent.portal.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.jwt.JsonWebToken;
import se.insyn.consent.config.ConsentConfig;
import se.insyn.identity.Caller;
import se.insyn.problem.ProblemException;

/**
 * Tokens against cross-site request forgery for the portal's forms (synchronizer token, stateless):
 * each form carries an HMAC of the officer's subject and login session ({@code sid} of the ID
 * token), which another site cannot read or compute. A form from an earlier login or from another
 * officer does not verify. The key is a secret of its own ({@code
 * insyn.consent.portal-form-token-key}, issue 21 item 7), so knowing the phone-pseudonym secret or
 * the session secret does not forge one.
 */
@ApplicationScoped
class FormTokens {

  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;
  private final SecurityIdentity caller;

  FormTokens(ConsentConfig config, SecurityIdentity caller) {
    this.key =
        new SecretKeySpec(config.portalFormTokenKey().getBytes(StandardCharsets.UTF_8), ALGORITHM);
    this.caller = caller;
  }

  /** The token for the caller's current login session. */
  String current() {
    String sid = "";
    if (caller.getPrincipal() instanceof JsonWebToken token && token.getClaim("sid") != null) {
      sid = token.getClaim("sid").toString();
    }
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(hmac(key, Caller.of(caller).subject() + "\n" + sid));
  }

  /** Refuses a form whose token is missing or not the caller's current one. */
  void verify(String token) {
    boolean valid =
        token != null
            && MessageDigest.isEqual(
                current().getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    if (!valid) {
      throw ProblemException.forbidden(
          "The form is not from your current session of this page. Reload the page and try again.");
    }
  }

  private static byte[] hmac(SecretKeySpec key, String value) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
