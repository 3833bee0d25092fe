package se.insyn.recording.vault.content.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The chunked AES-GCM content format (R31): whatever is done to the stored bytes short of
 * re-encrypting them with the key must make decryption fail, never return other plaintext.
 */
class ChunkedAesGcmTest {

  private static final int CHUNK = 64;
  private static final int MAGIC = 4;
  private static final int HEADER = 5;

  private final SecureRandom random = new SecureRandom();
  private final SecretKey key = key();
  private final UUID contentId = UUID.randomUUID();

  @ParameterizedTest
  @ValueSource(ints = {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 17})
  void roundTripsAnySize(int size) throws IOException {
    byte[] plain = bytes(size);
    assertArrayEquals(plain, decrypt(encrypt(plain, contentId), key, contentId));
  }

  @Test
  void writesByteByByteAsWellAsInBlocks() throws IOException {
    byte[] plain = bytes(2 * CHUNK + 5);
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    try (OutputStream out = ChunkedAesGcm.encrypt(sink, key, contentId, CHUNK)) {
      for (byte b : plain) {
        out.write(b);
      }
    }
    assertArrayEquals(plain, decrypt(sink.toByteArray(), key, contentId));
  }

  @Test
  void aFlippedByteAnywhereInAChunkFails() throws IOException {
    byte[] sealed = encrypt(bytes(3 * CHUNK), contentId);
    for (int i = MAGIC; i < sealed.length; i++) {
      byte[] damaged = sealed.clone();
      damaged[i] ^= 0x01;
      int at = i;
      assertThrows(
          IOException.class,
          () -> decrypt(damaged, key, contentId),
          () -> "a flipped byte at offset " + at + " was not noticed");
    }
  }

  @Test
  void aDamagedMagicFails() throws IOException {
    byte[] sealed = encrypt(bytes(10), contentId);
    sealed[0] = 'X';
    assertThrows(IOException.class, () -> decrypt(sealed, key, contentId));
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 0xff})
  void aFlagOtherThanLastOrNotFails(int flag) throws IOException {
    byte[] sealed = encrypt(bytes(2 * CHUNK + 1), contentId);
    // Read as "not last", the chunk would still authenticate: the flag byte must be 0 or 1.
    sealed[MAGIC] = (byte) flag;
    assertThrows(IOException.class, () -> decrypt(sealed, key, contentId));
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, Integer.MAX_VALUE})
  void anImpossibleChunkLengthFails(int length) throws IOException {
    byte[] sealed = encrypt(bytes(2 * CHUNK + 1), contentId);
    // Refused before a buffer of that size is allocated.
    ByteBuffer.wrap(sealed, MAGIC + 1, 4).putInt(length);
    assertThrows(IOException.class, () -> decrypt(sealed, key, contentId));
  }

  @Test
  void swappedChunksFail() throws IOException {
    byte[] plain = bytes(3 * CHUNK + 1);
    List<byte[]> chunks = chunks(encrypt(plain, contentId));
    assertThrows(IOException.class, () -> decrypt(join(chunks, 1, 0, 2, 3), key, contentId));
  }

  @Test
  void reorderedChunksFail() throws IOException {
    List<byte[]> chunks = chunks(encrypt(bytes(3 * CHUNK + 1), contentId));
    assertThrows(IOException.class, () -> decrypt(join(chunks, 0, 2, 1, 3), key, contentId));
  }

  @Test
  void aChunkFromAnotherContentFails() throws IOException {
    UUID other = UUID.randomUUID();
    List<byte[]> ours = chunks(encrypt(bytes(2 * CHUNK + 1), contentId));
    List<byte[]> theirs = chunks(encrypt(bytes(2 * CHUNK + 1), other));
    List<byte[]> mixed = new ArrayList<>(ours);
    mixed.set(1, theirs.get(1));
    assertThrows(IOException.class, () -> decrypt(join(mixed), key, contentId));
  }

  @Test
  void truncatedAtAChunkBoundaryFails() throws IOException {
    List<byte[]> chunks = chunks(encrypt(bytes(3 * CHUNK + 1), contentId));
    // Dropping the last chunk leaves whole, authentic chunks, none of them marked last.
    assertThrows(IOException.class, () -> decrypt(join(chunks, 0, 1, 2), key, contentId));
  }

  @Test
  void truncatedInsideAChunkFails() throws IOException {
    byte[] sealed = encrypt(bytes(2 * CHUNK + 1), contentId);
    for (int cut = MAGIC; cut < sealed.length; cut += 7) {
      byte[] shorter = Arrays.copyOf(sealed, cut);
      assertThrows(IOException.class, () -> decrypt(shorter, key, contentId));
    }
  }

  @Test
  void bytesAfterTheLastChunkFail() throws IOException {
    byte[] sealed = encrypt(bytes(CHUNK + 1), contentId);
    byte[] longer = Arrays.copyOf(sealed, sealed.length + 1);
    assertThrows(IOException.class, () -> decrypt(longer, key, contentId));
  }

  @Test
  void truncatedWithTheLastFlagForgedFails() throws IOException {
    List<byte[]> chunks = chunks(encrypt(bytes(3 * CHUNK + 1), contentId));
    // Cut after the second chunk and mark it last in the clear: only the authenticated last flag
    // tells this from content that really ended there.
    byte[] cut = join(chunks, 0, 1);
    cut[MAGIC + chunks.get(0).length] = 1;
    assertThrows(IOException.class, () -> decrypt(cut, key, contentId));
  }

  @Test
  void theWrongContentIdFails() throws IOException {
    byte[] sealed = encrypt(bytes(CHUNK + 1), contentId);
    assertThrows(IOException.class, () -> decrypt(sealed, key, UUID.randomUUID()));
  }

  @Test
  void theWrongKeyFails() throws IOException {
    byte[] sealed = encrypt(bytes(CHUNK + 1), contentId);
    assertThrows(IOException.class, () -> decrypt(sealed, key(), contentId));
  }

  private byte[] encrypt(byte[] plain, UUID id) throws IOException {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    try (OutputStream out = ChunkedAesGcm.encrypt(sink, key, id, CHUNK)) {
      out.write(plain);
    }
    return sink.toByteArray();
  }

  private static byte[] decrypt(byte[] sealed, SecretKey key, UUID id) throws IOException {
    try (InputStream in = ChunkedAesGcm.decrypt(new ByteArrayInputStream(sealed), key, id)) {
      return in.readAllBytes();
    }
  }

  /** Splits the sealed form into its chunks (flag, length and ciphertext each), magic left off. */
  private static List<byte[]> chunks(byte[] sealed) {
    List<byte[]> chunks = new ArrayList<>();
    int pos = MAGIC;
    while (pos < sealed.length) {
      int length = ByteBuffer.wrap(sealed, pos + 1, 4).getInt();
      chunks.add(Arrays.copyOfRange(sealed, pos, pos + HEADER + length));
      pos += HEADER + length;
    }
    return chunks;
  }

  private static byte[] join(List<byte[]> chunks, int... order) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {'I', 'S', 'N', '1'});
    if (order.length == 0) {
      chunks.forEach(out::writeBytes);
    } else {
      for (int i : order) {
        out.writeBytes(chunks.get(i));
      }
    }
    return out.toByteArray();
  }

  private byte[] bytes(int size) {
    byte[] b = new byte[size];
    random.nextBytes(b);
    return b;
  }

  private static SecretKey key() {
    try {
      KeyGenerator generator = KeyGenerator.getInstance("AES");
      generator.init(256);
      return generator.generateKey();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
