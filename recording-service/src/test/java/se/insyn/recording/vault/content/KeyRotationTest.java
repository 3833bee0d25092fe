package se.insyn.recording.vault.content;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.insyn.recording.ContentFixtures.*;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import se.insyn.outbox.OutboxEvent;
import se.insyn.recording.Fixtures;
import se.insyn.recording.recording.repository.Recording;
import se.insyn.recording.recording.repository.RecordingRepository;
import se.insyn.recording.vault.content.repository.ContentKey;
import se.insyn.recording.vault.content.repository.ContentKeyRepository;
import se.insyn.recording.vault.content.service.ContentService;
import se.insyn.recording.vault.content.service.KeyRewrap;
import se.insyn.recording.vault.content.service.Seal;

/**
 * A KEK rotation as an operator does it (k8s/README.md): content made under the KEK that is now
 * retired stays readable and its seal checkable, and the re-wrap job moves every data key and seal
 * to the current KEK, except what it must not touch. The test wraps and seals under the retired KEK
 * with its own AES-GCM and HMAC code, so the stored format is checked independently too.
 */
@QuarkusTest
class KeyRotationTest {

  private static final String CURRENT = "local-dev";
  private static final String RETIRED = "test-retired";
  private static final Path CURRENT_FILE = Path.of("target/test-data/recording-kek.b64");
  private static final Path RETIRED_FILE = Path.of("target/test-data/recording-kek-retired.b64");

  @Inject ContentKeyRepository keys;
  @Inject RecordingRepository recordings;
  @Inject KeyRewrap rewrap;
  @Inject ContentService content;

  @Test
  void contentFromBeforeARotationIsReWrappedResealedAndStillPlays() throws Exception {
    byte[] audio = audio("rotation", 2_000);
    Made made = withContent(channelWithPolicy("P90D"), audio);
    moveUnderRetiredKek(made.id(), false);
    assertEquals(RETIRED, key(made.id()).kekId);
    // Still readable and checkable with the retired KEK configured.
    facts(made.id()).body("sealIntact", equalTo(true));

    KeyRewrap.Run run = rewrap.run();

    assertTrue(run.rewrapped() >= 1 && run.resealed() >= 1, run.toString());
    ContentKey after = key(made.id());
    assertEquals(CURRENT, after.kekId);
    Recording r = QuarkusTransaction.requiringNew().call(() -> recordings.findById(made.id()));
    assertEquals(CURRENT, r.sealKekId);
    facts(made.id()).body("sealIntact", equalTo(true));
    assertArrayEquals(audio, plaintext(made.id()));

    List<OutboxEvent> events = Fixtures.events("kek/" + CURRENT);
    assertTrue(events.stream().anyMatch(e -> e.type.equals("recording.keys.rewrapped")));
    assertTrue(events.stream().anyMatch(e -> e.type.equals("recording.seals.renewed")));

    // Nothing left to do for this recording: a second run changes nothing of it.
    rewrap.run();
    assertArrayEquals(after.wrappedKey, key(made.id()).wrappedKey);
  }

  @Test
  void aSealThatNoLongerHoldsIsNotRenewedAndIsNamed() throws Exception {
    Made made = withContent(channelWithPolicy("P90D"), audio("broken-seal", 50));
    moveUnderRetiredKek(made.id(), true);
    facts(made.id()).body("sealIntact", equalTo(false));

    KeyRewrap.Run run = rewrap.run();

    assertTrue(run.sealsNotHolding().contains(made.id()), run.toString());
    Recording r = QuarkusTransaction.requiringNew().call(() -> recordings.findById(made.id()));
    assertEquals(RETIRED, r.sealKekId);
    facts(made.id()).body("sealIntact", equalTo(false));
    // Its data key is re-wrapped all the same: the content stays readable for an investigation.
    assertEquals(CURRENT, key(made.id()).kekId);
    assertTrue(run.remaining() >= 1);
  }

  @Test
  void aKeyUnderAKekThatIsNotConfiguredIsLeftAloneAndTheSealIsUncheckable() throws Exception {
    Made made = withContent(channelWithPolicy("P90D"), audio("unknown-kek", 50));
    byte[] before = key(made.id()).wrappedKey;
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              keys.findById(made.id()).kekId = "kek-nobody-has";
              recordings.findById(made.id()).sealKekId = "kek-nobody-has";
            });
    facts(made.id()).body("sealIntact", nullValue());

    KeyRewrap.Run run = rewrap.run();

    assertEquals("kek-nobody-has", key(made.id()).kekId);
    assertArrayEquals(before, key(made.id()).wrappedKey);
    assertFalse(run.sealsNotHolding().contains(made.id()));
    assertTrue(run.remaining() >= 2, run.toString());
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              keys.findById(made.id()).kekId = CURRENT;
              recordings.findById(made.id()).sealKekId = CURRENT;
            });
    facts(made.id()).body("sealIntact", equalTo(true));
  }

  /**
   * Re-wraps the recording's data key under the retired KEK and re-seals it with that KEK's seal
   * key, as if it had been stored before the rotation; {@code breakSeal} seals a different hash.
   */
  private void moveUnderRetiredKek(UUID id, boolean breakSeal) throws Exception {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              try {
                ContentKey k = keys.findById(id);
                byte[] dataKey =
                    gcm(Cipher.DECRYPT_MODE, kek(CURRENT_FILE), CURRENT, id, k.wrappedKey);
                k.kekId = RETIRED;
                k.wrappedKey = gcm(Cipher.ENCRYPT_MODE, kek(RETIRED_FILE), RETIRED, id, dataKey);
                Recording r = recordings.findById(id);
                r.sealKekId = RETIRED;
                String hash = breakSeal ? "0".repeat(64) : r.contentHash;
                r.contentSeal =
                    Seal.compute(
                        sealKey(kek(RETIRED_FILE)), Seal.canonical(r, hash, r.contentSize));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
  }

  private static byte[] kek(Path file) throws Exception {
    return Base64.getDecoder().decode(Files.readString(file).trim());
  }

  /** nonce (12) ‖ AES-256-GCM(data key), AAD = "kekId/contentId": the stored format. */
  private static byte[] gcm(int mode, byte[] kek, String kekId, UUID id, byte[] input)
      throws Exception {
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    byte[] aad = (kekId + "/" + id).getBytes(StandardCharsets.UTF_8);
    if (mode == Cipher.DECRYPT_MODE) {
      c.init(mode, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(128, input, 0, 12));
      c.updateAAD(aad);
      return c.doFinal(input, 12, input.length - 12);
    }
    byte[] nonce = new byte[12];
    new SecureRandom().nextBytes(nonce);
    c.init(mode, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(128, nonce));
    c.updateAAD(aad);
    byte[] sealed = c.doFinal(input);
    return ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array();
  }

  private static byte[] sealKey(byte[] kek) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(kek, "HmacSHA256"));
    return mac.doFinal("insyn-recording-seal-v1".getBytes(StandardCharsets.UTF_8));
  }

  private ContentKey key(UUID id) {
    return QuarkusTransaction.requiringNew().call(() -> keys.findById(id));
  }

  private byte[] plaintext(UUID id) throws Exception {
    ContentService.Plain plain = (ContentService.Plain) content.open(id);
    try (InputStream in = plain.stream()) {
      return in.readAllBytes();
    }
  }
}
