package se.insyn.audit.event;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.insyn.audit.AuditApi.append;
import static se.insyn.audit.AuditApi.event;
import static se.insyn.audit.AuditApi.nextSequence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import se.insyn.audit.log.RfcVerifier;
import se.insyn.devstack.test.Tokens;

/**
 * Many emitters at once: concurrent batches are appended together (group commit), and the result
 * must be the same as one after the other — one dense tree, each id once, each batch whole or not
 * at all — provable with the signed checkpoints and an independent RFC 9162 verifier.
 */
@QuarkusTest
class ConcurrentIngestTest {

  private static final String SOURCE = "concurrent-ingest-emitter";
  private static final int WRITERS = 8;
  private static final int ROUNDS = 3;
  private static final int EVENTS = 10;

  /** How many events of its neighbour's batch each batch sends again, at the same moment. */
  private static final int SHARED = 3;

  private static final HexFormat HEX = HexFormat.of();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TestHTTPResource("/api/v1/events")
  URI events;

  @Test
  void concurrentBatchesBecomeOneDenseTreeThatTheSignedCheckpointsProve() throws Exception {
    append(SOURCE, event(SOURCE, "test.seeded", "test/" + UUID.randomUUID()));
    JsonPath before = checkpoint();

    List<List<List<Map<String, Object>>>> own = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      List<List<Map<String, Object>>> rounds = new ArrayList<>();
      for (int r = 0; r < ROUNDS; r++) {
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int e = 0; e < EVENTS; e++) {
          Map<String, Object> event = event(SOURCE, "test.concurrent", "test/w" + w + "/r" + r);
          if (e % 2 == 0) {
            event.put("sequence", nextSequence());
          }
          batch.add(event);
        }
        rounds.add(batch);
      }
      own.add(rounds);
    }
    Set<String> ids =
        own.stream()
            .flatMap(List::stream)
            .flatMap(List::stream)
            .map(e -> (String) e.get("id"))
            .collect(Collectors.toSet());
    assertEquals(WRITERS * ROUNDS * EVENTS, ids.size());

    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<JsonNode>>> answers = new ArrayList<>();
    try {
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  List<JsonNode> mine = new ArrayList<>();
                  for (int r = 0; r < ROUNDS; r++) {
                    List<Map<String, Object>> batch = new ArrayList<>(own.get(writer).get(r));
                    batch.addAll(own.get((writer + 1) % WRITERS).get(r).subList(0, SHARED));
                    HttpResponse<String> response = post(batch);
                    assertEquals(200, response.statusCode(), response.body());
                    mine.add(JSON.readTree(response.body()));
                  }
                  return mine;
                }));
      }
      start.countDown();
      List<JsonNode> all = new ArrayList<>();
      for (Future<List<JsonNode>> f : answers) {
        all.addAll(f.get(120, TimeUnit.SECONDS));
      }
      JsonPath after = checkpoint();
      long from = before.getLong("treeSize");
      long to = after.getLong("treeSize");

      int accepted = all.stream().mapToInt(a -> a.get("accepted").asInt()).sum();
      int duplicates = all.stream().mapToInt(a -> a.get("duplicates").asInt()).sum();
      assertEquals(ids.size(), accepted, "each id accepted exactly once");
      assertEquals(WRITERS * ROUNDS * SHARED, duplicates, "every re-sent id was a no-op");
      assertEquals(ids.size(), to - from, "the tree grew by exactly the accepted events");
      for (JsonNode a : all) {
        long size = a.get("treeSize").asLong();
        assertTrue(size > from && size <= to, "treeSize " + size + " outside (" + from + ", " + to);
      }

      // Leaves [from, to) are exactly the sent events, each once, in dense indices, and each is in
      // the signed tree of size `to` by an independently verified inclusion proof.
      byte[] root = HEX.parseHex(after.getString("rootHash"));
      Map<String, Long> indexOf = new HashMap<>();
      long expected = from;
      for (long page = from; page < to; page += 1000) {
        JsonPath entries = entries(page, Math.min(page + 1000, to));
        List<Map<String, Object>> list = entries.getList("entries");
        for (Map<String, Object> entry : list) {
          long index = ((Number) entry.get("leafIndex")).longValue();
          assertEquals(expected++, index, "leaf indices are dense");
          byte[] input = Base64.getDecoder().decode((String) entry.get("leafInput"));
          String id = JSON.readTree(new String(input, StandardCharsets.UTF_8)).get("id").asText();
          assertTrue(ids.contains(id), "a leaf that nobody sent: " + id);
          assertEquals(null, indexOf.put(id, index), "id stored twice: " + id);
          assertTrue(
              RfcVerifier.verifyInclusion(
                  index, to, RfcVerifier.leafHash(input), inclusion(index, to), root),
              "inclusion proof of leaf " + index);
        }
      }
      assertEquals(to, expected);
      assertEquals(ids, indexOf.keySet());

      assertTrue(
          RfcVerifier.verifyConsistency(
              from, to, HEX.parseHex(before.getString("rootHash")), root, consistency(from, to)),
          "the new tree extends the old one");
      given()
          .auth()
          .oauth2(auditor())
          .post("/api/v1/log/verify")
          .then()
          .statusCode(200)
          .body("consistent", equalTo(true));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void ofConcurrentBatchesClaimingOneSequenceNumberExactlyOneIsStoredWhole() throws Exception {
    int contenders = 6;
    long contested = nextSequence();
    List<List<Map<String, Object>>> batches = new ArrayList<>();
    for (int c = 0; c < contenders; c++) {
      Map<String, Object> free = event(SOURCE, "test.contended", "test/free/" + c);
      free.put("sequence", nextSequence());
      Map<String, Object> claim = event(SOURCE, "test.contended", "test/claim/" + c);
      claim.put("sequence", contested);
      batches.add(List.of(free, claim));
    }
    ExecutorService pool = Executors.newFixedThreadPool(contenders);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (List<Map<String, Object>> batch : batches) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return post(batch);
                }));
      }
      start.countDown();
      int winners = 0;
      for (int c = 0; c < contenders; c++) {
        HttpResponse<String> response = answers.get(c).get(60, TimeUnit.SECONDS);
        int expectedStatus;
        if (response.statusCode() == 200) {
          winners++;
          expectedStatus = 200;
        } else {
          assertEquals(409, response.statusCode(), response.body());
          assertEquals(
              "events[1].sequence",
              JSON.readTree(response.body()).path("violations").path(0).path("field").asText(),
              response.body());
          expectedStatus = 404;
        }
        for (Map<String, Object> event : batches.get(c)) {
          given()
              .auth()
              .oauth2(auditor())
              .get("/api/v1/events/" + event.get("id") + "?purpose=INTERNAL_CONTROL&caseRef=T-1")
              .then()
              .statusCode(expectedStatus);
        }
      }
      assertEquals(1, winners, "exactly one batch may take the sequence number");
    } finally {
      pool.shutdownNow();
    }
  }

  private HttpResponse<String> post(List<Map<String, Object>> batch) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("events", batch);
    return HTTP.send(
        HttpRequest.newBuilder(events)
            .header("Authorization", "Bearer " + Tokens.client(SOURCE, "audit-writer"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String auditor;

  /** One auditor token for the many proof requests (minting one per request is slow). */
  private static synchronized String auditor() {
    if (auditor == null) {
      auditor = Tokens.user("auditor-1", "auditor");
    }
    return auditor;
  }

  private static JsonPath checkpoint() {
    return read("/api/v1/log/checkpoint");
  }

  private static JsonPath entries(long start, long end) {
    return read(
        "/api/v1/log/entries?purpose=INTERNAL_CONTROL&caseRef=T-1&start=" + start + "&end=" + end);
  }

  private static List<byte[]> inclusion(long index, long size) {
    return hashes(read("/api/v1/log/proofs/inclusion?leafIndex=" + index + "&treeSize=" + size));
  }

  private static List<byte[]> consistency(long from, long to) {
    return hashes(read("/api/v1/log/proofs/consistency?from=" + from + "&to=" + to));
  }

  /** GET as the auditor; the answer must be 200. */
  private static JsonPath read(String path) {
    return given().auth().oauth2(auditor()).get(path).then().statusCode(200).extract().jsonPath();
  }

  private static List<byte[]> hashes(JsonPath proof) {
    return proof.getList("hashes", String.class).stream().map(HEX::parseHex).toList();
  }
}
