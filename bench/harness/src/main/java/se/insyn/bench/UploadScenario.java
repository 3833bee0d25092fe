package se.insyn.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import se.insyn.devstack.SuiteService;

/**
 * One recording's content uploaded as the phone system does it ({@code PUT
 * /api/v1/recordings/{id}/content}, role {@code recorder}, for a PERMITted recording that was
 * started and stopped): the service streams it through SHA-256 and chunked AES-256-GCM into its
 * filesystem blob store. Reference: a plain {@link Files#copy} of the same file on the same disk,
 * measured in the same run, alternating with the uploads.
 *
 * <p>This is a throughput figure for one large body, not latency under load, so it needs no
 * open-loop generator: one request at a time, timed from sending the first byte to the 201. The
 * body streams from the file ({@code BodyPublishers.ofFile}), so neither side holds the recording
 * in memory. Each upload is checked afterwards: the SHA-256 and size the service sealed must be
 * those of the file sent, so the figure measures a correct upload. The median of the repetitions is
 * reported.
 */
final class UploadScenario implements Scenario {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @Override
  public String name() {
    return "upload";
  }

  @Override
  public String describe() {
    return "MB/s of PUT recording-service /api/v1/recordings/{id}/content (200 MB, encrypted and"
        + " stored); reference: Files.copy of the same file on the same disk";
  }

  @Override
  public void run(Stack stack, Sizes sizes, Consumer<Figure> out, List<String> notes)
      throws Exception {
    // The service's blob store is <work>/recordings: the source and the copies go beside it.
    Path dir = stack.suite().workDirectory().resolve("bench-upload");
    Files.createDirectories(dir);
    Path source = dir.resolve("recording.bin");
    try {
      String sha256 = writeRandom(source, sizes.uploadBytes());
      String channel = Setup.channelWithPolicy(stack, Setup.optOutPurpose(stack));
      if (!sizes.smoke()) {
        // Warm-up, not measured: the first uploads run the service's streaming and crypto code
        // cold, and the JIT needs a few hundred MB before AES-GCM and SHA-256 run at full speed
        // (in either JVM).
        for (int i = 0; i < 2; i++) {
          upload(stack, channel, source, sha256, sizes.uploadBytes());
        }
        for (int i = 0; i < 3; i++) {
          encryptingCopy(source, dir.resolve("warm-up.enc"));
        }
      }
      List<Double> uploads = new ArrayList<>();
      List<Double> copies = new ArrayList<>();
      List<Double> encrypting = new ArrayList<>();
      for (int i = 0; i < sizes.uploadRepeats(); i++) {
        copies.add(copy(source, dir.resolve("copy-" + i + ".bin")));
        encrypting.add(encryptingCopy(source, dir.resolve("copy-" + i + ".enc")));
        uploads.add(upload(stack, channel, source, sha256, sizes.uploadBytes()));
      }
      double mb = sizes.uploadBytes() / 1e6;
      double upload = mb / Scenarios.median(uploads);
      double copy = mb / Scenarios.median(copies);
      out.accept(
          Figure.of("upload.rate", upload, "MB/s")
              .against(copy)
              .target(Figure.Target.ratioAtLeast(0.5)));
      out.accept(
          Figure.of("upload.seconds", Scenarios.median(uploads), "s")
              .against(Scenarios.median(copies)));
      // Not in the issue: the same bytes through the same crypto without HTTP, to tell where the
      // difference to the plain copy goes.
      out.accept(
          Figure.of("upload.rate-vs-encrypting-copy", upload, "MB/s")
              .against(mb / Scenarios.median(encrypting)));
      notes.add(
          String.format(
              "upload: %s MB of random bytes, median of %d (upload seconds %s, Files.copy seconds"
                  + " %s, encrypting copy seconds %s); every upload's sealed SHA-256 and size"
                  + " matched the file sent; the service fsyncs the stored bytes before its 201,"
                  + " the two references do not (page cache). The encrypting copy is what the service does to each byte, in the"
                  + " harness JVM without HTTP or database: read, SHA-256, AES-256-GCM in 64 KiB"
                  + " chunks with a Cipher per chunk, write",
              Report.number(mb),
              uploads.size(),
              seconds(uploads),
              seconds(copies),
              seconds(encrypting)));
    } finally {
      Scenarios.deleteTree(dir);
    }
  }

  /**
   * Seconds for one upload of {@code file} to a fresh recording; checks what the service sealed.
   */
  private static double upload(Stack stack, String channel, Path file, String sha256, long bytes)
      throws Exception {
    String id = Setup.capturedRecording(stack, channel);
    HttpRequest put =
        HttpRequest.newBuilder(
                URI.create(
                    stack.url(SuiteService.RECORDING) + "/api/v1/recordings/" + id + "/content"))
            .header("Authorization", "Bearer " + stack.client("demo-pbx", "recorder"))
            .header("Content-Type", "audio/wav")
            .timeout(Duration.ofMinutes(10))
            .PUT(HttpRequest.BodyPublishers.ofFile(file))
            .build();
    long t0 = System.nanoTime();
    HttpResponse<String> answer = HTTP.send(put, HttpResponse.BodyHandlers.ofString());
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (answer.statusCode() != 201) {
      throw new IllegalStateException(
          "PUT content answered " + answer.statusCode() + ": " + answer.body());
    }
    JsonNode sealed = Api.JSON.readTree(answer.body());
    if (!sha256.equals(sealed.path("sha256").asText())
        || sealed.path("size").asLong() != bytes
        || !"SEALED".equals(sealed.path("state").asText())) {
      throw new IllegalStateException(
          "the service sealed something else than was sent (sha256 "
              + sha256
              + ", "
              + bytes
              + " bytes): "
              + answer.body());
    }
    return seconds;
  }

  /** Seconds for a plain copy to {@code target} on the same disk; the copy is removed again. */
  private static double copy(Path source, Path target) throws IOException {
    long t0 = System.nanoTime();
    Files.copy(source, target);
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (Files.size(target) != Files.size(source)) {
      throw new IllegalStateException("the copy is incomplete");
    }
    Files.delete(target);
    return seconds;
  }

  /**
   * Seconds for what the service does to each byte of an upload, without HTTP or database: read the
   * file, SHA-256 of the plaintext, AES-256-GCM in 64 KiB chunks (the service's default chunk size)
   * with a Cipher per chunk and the chunk number as nonce, as its ChunkedAesGcm does, and write the
   * ciphertext beside it, buffered as its blob store does. The file is removed again.
   */
  private static double encryptingCopy(Path source, Path target) throws Exception {
    byte[] raw = new byte[32];
    new SplittableRandom().nextBytes(raw);
    SecretKey key = new SecretKeySpec(raw, "AES");
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    byte[] chunk = new byte[64 * 1024];
    long t0 = System.nanoTime();
    try (InputStream in = Files.newInputStream(source);
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 64 * 1024)) {
      long index = 0;
      int n;
      while ((n = in.readNBytes(chunk, 0, chunk.length)) > 0) {
        sha256.update(chunk, 0, n);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        byte[] nonce = ByteBuffer.allocate(12).putInt(0).putLong(index++).array();
        c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        out.write(c.doFinal(chunk, 0, n));
      }
    }
    sha256.digest();
    double seconds = (System.nanoTime() - t0) / 1e9;
    Files.delete(target);
    return seconds;
  }

  /** Writes {@code bytes} random bytes (1 MiB at a time) and returns their SHA-256, hex. */
  private static String writeRandom(Path file, long bytes)
      throws IOException, NoSuchAlgorithmException {
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    SplittableRandom random = new SplittableRandom();
    byte[] block = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(file)) {
      long left = bytes;
      while (left > 0) {
        int n = (int) Math.min(block.length, left);
        random.nextBytes(block);
        sha256.update(block, 0, n);
        out.write(block, 0, n);
        left -= n;
      }
    }
    return HexFormat.of().formatHex(sha256.digest());
  }

  private static String seconds(List<Double> values) {
    return values.stream().map(Report::number).toList().toString();
  }
}
