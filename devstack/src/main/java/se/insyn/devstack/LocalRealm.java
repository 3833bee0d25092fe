package se.insyn.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the local realm ({@code dev/keycloak/insyn-realm.json}) says about its demo users that
 * devstack needs to log them in: the TOTP secrets of the users whose roles require a second factor
 * (issue 21 item 6). Keycloak keys an OTP credential with the UTF-8 bytes of its secret value.
 */
public final class LocalRealm {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static Map<String, String> secrets;

  private LocalRealm() {}

  /** The realm file this repository's Keycloak imports. */
  static Path file() {
    return Processes.repositoryRoot().resolve("dev/keycloak/insyn-realm.json");
  }

  /** Each demo user with a TOTP credential and its secret, in the order of the realm file. */
  public static synchronized Map<String, String> totpSecrets() {
    if (secrets == null) {
      Map<String, String> found = new LinkedHashMap<>();
      try {
        for (JsonNode user : JSON.readTree(file().toFile()).path("users")) {
          for (JsonNode credential : user.path("credentials")) {
            if ("otp".equals(credential.path("type").asText())) {
              String secretData = credential.path("secretData").asText();
              found.put(
                  user.path("username").asText(), JSON.readTree(secretData).path("value").asText());
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the local realm " + file(), e);
      }
      secrets = java.util.Collections.unmodifiableMap(found);
    }
    return secrets;
  }

  /** The current TOTP code of a demo user, if the realm gives that user a second factor. */
  public static Optional<String> totpCode(String username, Instant at) {
    return Optional.ofNullable(totpSecrets().get(username))
        .map(secret -> Totp.code(secret.getBytes(StandardCharsets.UTF_8), at));
  }

  /** The user's secret as an authenticator app takes it (base32). */
  public static Optional<String> totpSecretBase32(String username) {
    return Optional.ofNullable(totpSecrets().get(username))
        .map(secret -> Totp.base32(secret.getBytes(StandardCharsets.UTF_8)));
  }
}
