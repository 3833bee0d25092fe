package se.insyn.recording.vault.content.service;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Streaming AES-256-GCM: the plaintext is cut into chunks that are sealed one by one, so content of
 * any size is encrypted and decrypted without holding it in memory. Each chunk's nonce is its
 * number (the data key is used for one content only) and its additional data binds the content id,
 * the number and whether it is the last chunk, so chunks cannot be swapped between recordings,
 * reordered, or cut off at the end unnoticed.
 *
 * <p>Layout: magic {@code ISN1}, then per chunk a flag byte (1 = last), the ciphertext length and
 * the ciphertext with its 16-byte tag.
 */
public final class ChunkedAesGcm {

  private static final byte[] MAGIC = {'I', 'S', 'N', '1'};
  private static final int TAG_BITS = 128;
  private static final int MAX_CHUNK = 16 * 1024 * 1024;

  private ChunkedAesGcm() {}

  /** Encrypts everything written to it into {@code sink}; {@link OutputStream#close()} seals. */
  public static OutputStream encrypt(
      OutputStream sink, SecretKey key, UUID contentId, int chunkSize) throws IOException {
    return new Encrypting(sink, key, contentId, chunkSize);
  }

  /** Decrypts and authenticates {@code source}; a change, swap or truncation is an IOException. */
  public static InputStream decrypt(InputStream source, SecretKey key, UUID contentId)
      throws IOException {
    return new Decrypting(source, key, contentId);
  }

  private static Cipher cipher(int mode, SecretKey key, UUID contentId, long index, boolean last)
      throws IOException {
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      byte[] nonce = ByteBuffer.allocate(12).putInt(0).putLong(index).array();
      c.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
      c.updateAAD(
          ByteBuffer.allocate(25)
              .putLong(contentId.getMostSignificantBits())
              .putLong(contentId.getLeastSignificantBits())
              .putLong(index)
              .put((byte) (last ? 1 : 0))
              .array());
      return c;
    } catch (GeneralSecurityException e) {
      throw new IOException("AES-GCM unavailable", e);
    }
  }

  private static final class Encrypting extends FilterOutputStream {
    private final SecretKey key;
    private final UUID contentId;
    private final byte[] buffer;
    private int filled;
    private long index;
    private boolean closed;

    Encrypting(OutputStream sink, SecretKey key, UUID contentId, int chunkSize) throws IOException {
      super(sink);
      this.key = key;
      this.contentId = contentId;
      this.buffer = new byte[chunkSize];
      sink.write(MAGIC);
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      while (len > 0) {
        // A full buffer is only known not to be the last chunk once more bytes arrive.
        if (filled == buffer.length) {
          seal(false);
        }
        int n = Math.min(len, buffer.length - filled);
        System.arraycopy(b, off, buffer, filled, n);
        filled += n;
        off += n;
        len -= n;
      }
    }

    private void seal(boolean last) throws IOException {
      Cipher c = cipher(Cipher.ENCRYPT_MODE, key, contentId, index++, last);
      byte[] sealed;
      try {
        sealed = c.doFinal(buffer, 0, filled);
      } catch (GeneralSecurityException e) {
        throw new IOException("encryption failed", e);
      }
      out.write(last ? 1 : 0);
      out.write(ByteBuffer.allocate(4).putInt(sealed.length).array());
      out.write(sealed);
      filled = 0;
    }

    @Override
    public void flush() {
      // Only whole chunks are written; the sink is flushed on close.
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      seal(true);
      out.flush();
      out.close();
    }
  }

  private static final class Decrypting extends InputStream {
    private final DataInputStream in;
    private final SecretKey key;
    private final UUID contentId;
    private byte[] plain = new byte[0];
    private int pos;
    private long index;
    private boolean last;

    Decrypting(InputStream source, SecretKey key, UUID contentId) throws IOException {
      this.in = new DataInputStream(source);
      this.key = key;
      this.contentId = contentId;
      byte[] magic = new byte[MAGIC.length];
      in.readFully(magic);
      if (!java.util.Arrays.equals(magic, MAGIC)) {
        throw new IOException("not an encrypted recording");
      }
    }

    private boolean next() throws IOException {
      while (pos == plain.length) {
        if (last) {
          return false;
        }
        int flag;
        int length;
        try {
          flag = in.readUnsignedByte();
          length = in.readInt();
        } catch (EOFException e) {
          throw new IOException("encrypted content is truncated", e);
        }
        if (flag > 1 || length < 16 || length > MAX_CHUNK + 16) {
          throw new IOException("encrypted content is damaged");
        }
        byte[] sealed = new byte[length];
        in.readFully(sealed);
        last = flag == 1;
        try {
          plain = cipher(Cipher.DECRYPT_MODE, key, contentId, index++, last).doFinal(sealed);
        } catch (GeneralSecurityException e) {
          throw new IOException("encrypted content failed authentication", e);
        }
        pos = 0;
        if (last && in.read() != -1) {
          throw new IOException("bytes after the last chunk");
        }
      }
      return true;
    }

    @Override
    public int read() throws IOException {
      return next() ? plain[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (!next()) {
        return -1;
      }
      int n = Math.min(len, plain.length - pos);
      System.arraycopy(plain, pos, b, off, n);
      pos += n;
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
