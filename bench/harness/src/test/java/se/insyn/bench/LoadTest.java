package se.insyn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.hyperfoil.api.config.Benchmark;
import io.hyperfoil.api.config.Phase;
import io.hyperfoil.core.impl.LocalBenchmarkData;
import io.hyperfoil.core.parser.BenchmarkParser;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The benchmarks the harness generates are ones Hyperfoil accepts, with the phases meant. */
class LoadTest {

  private static Benchmark parse(String yaml) throws Exception {
    BenchmarkParser parser = BenchmarkParser.instance();
    return parser.buildBenchmark(
        parser.createSource(yaml, new LocalBenchmarkData(Path.of("."))), Map.of());
  }

  @Test
  void anOpenLoopRunWithPatternsAndRandomValuesParses() throws Exception {
    Load.Request request =
        Load.Request.post("/api/v1/recordings", "t0k'en", "{\"callId\":\"${call}\",\"n\":${n}}")
            .withUuids("call")
            .withInt("n", 1_000_000, 9_999_999)
            .expecting(201);
    Benchmark b =
        parse(
            Load.yaml(
                "decision",
                "http://localhost:8082",
                request,
                "constantRate",
                Map.of("usersPerSec", "300", "maxSessions", "600"),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                600));
    Map<String, Phase> phases = b.phases().stream().collect(Collectors.toMap(p -> p.name, p -> p));
    assertEquals(2000, phases.get("warmup").duration);
    assertEquals(5000, phases.get("measure").duration);
    assertTrue(
        phases.get("measure").startAfterStrict.contains("warmup"),
        "measuring starts when every warm-up request was answered");
  }

  @Test
  void anAnswerOtherThanTheExpectedStatusIsAnErrorNotThroughput() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          byte[] body = "{\"decision\":\"DENY\"}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      Load.Result r =
          Load.closed(
              "status",
              "http://localhost:" + server.getAddress().getPort(),
              Load.Request.post("/x", "t", "{\"n\":${n}}").withInt("n", 1, 9).expecting(201),
              2,
              Duration.ofMillis(200),
              Duration.ofMillis(500));
      assertTrue(r.requests() > 0, r.toString());
      assertEquals(0, r.ok(), r.toString());
      assertEquals(r.requests(), r.errors(), r.toString());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aClosedLoopGetWithAPatternInThePathParses() throws Exception {
    Load.Request request =
        Load.Request.get("/api/v1/log/proofs/inclusion?leafIndex=${leaf}&treeSize=1000", "t")
            .withInt("leaf", 0, 999);
    Benchmark b =
        parse(
            Load.yaml(
                "proof",
                "http://localhost:8083",
                request,
                "always",
                Map.of("users", "4"),
                Duration.ofSeconds(1),
                Duration.ofSeconds(3),
                4));
    assertEquals(2, b.phases().size());
  }
}
