package se.insyn.consent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A real HTTP stand-in for the recording-service's {@code GET /api/v1/platforms/{client}/purposes}
 * (issue 21). It answers only the consent-service's own token, with the purposes tests gave the
 * platform ({@link #serve}); {@link #behave} makes it answer 500 ({@code error}) or after 5 s
 * ({@code hang}, longer than the timeout) until it is told {@code up} again; {@link #asked} counts
 * the questions about a platform. Tests in any class loader reach it over HTTP.
 */
public class RecordingServiceStub implements QuarkusTestResourceLifecycleManager {

  private static final String PROPERTY = "insyn.test.recording-stub";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Set<String>> purposes = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> questions = new ConcurrentHashMap<>();
  private volatile String behaviour = "up";
  private HttpServer server;

  @Override
  public Map<String, String> start() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/api/v1/platforms/", this::purposes);
    server.createContext("/stub/", this::control);
    server.start();
    String url = "http://127.0.0.1:" + server.getAddress().getPort();
    System.setProperty(PROPERTY, url);
    return Map.of("quarkus.rest-client.recording-service.url", url);
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  /** From now on the platform's channels use the purpose. */
  public static void serve(String platform, String purpose) {
    call("/stub/serve?platform=" + encode(platform) + "&purpose=" + encode(purpose));
  }

  /** {@code up}, {@code error} or {@code hang}. */
  public static void behave(String behaviour) {
    call("/stub/behave?as=" + behaviour);
  }

  /** How often the consent-service asked about the platform. */
  public static int asked(String platform) {
    return Integer.parseInt(call("/stub/asked?platform=" + encode(platform)));
  }

  private void purposes(HttpExchange exchange) throws IOException {
    String[] path = exchange.getRequestURI().getPath().split("/");
    if (!"consent-service".equals(azp(exchange)) || path.length != 6) {
      answer(exchange, 401, "{}");
      return;
    }
    String platform = path[4];
    questions.computeIfAbsent(platform, p -> new AtomicInteger()).incrementAndGet();
    if (behaviour.equals("hang")) {
      try {
        Thread.sleep(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (behaviour.equals("error")) {
      answer(exchange, 500, "{}");
      return;
    }
    String list =
        purposes.getOrDefault(platform, Set.of()).stream()
            .map(p -> '"' + p + '"')
            .collect(Collectors.joining(","));
    answer(exchange, 200, "{\"platform\":\"" + platform + "\",\"purposes\":[" + list + "]}");
  }

  private void control(HttpExchange exchange) throws IOException {
    Map<String, String> query =
        Arrays.stream(exchange.getRequestURI().getQuery().split("&"))
            .map(pair -> pair.split("=", 2))
            .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
    String answer = "";
    switch (exchange.getRequestURI().getPath()) {
      case "/stub/serve" ->
          purposes
              .computeIfAbsent(query.get("platform"), p -> ConcurrentHashMap.newKeySet())
              .add(query.get("purpose"));
      case "/stub/behave" -> behaviour = query.get("as");
      case "/stub/asked" ->
          answer =
              String.valueOf(
                  questions.getOrDefault(query.get("platform"), new AtomicInteger()).get());
      default -> {
        answer(exchange, 404, "");
        return;
      }
    }
    answer(exchange, 200, answer);
  }

  /** The client a bearer token was issued to; its signature is the real service's business. */
  private static String azp(HttpExchange exchange) throws IOException {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return null;
    }
    String[] jwt = authorization.split("\\.");
    return jwt.length != 3
        ? null
        : JSON.readTree(Base64.getUrlDecoder().decode(jwt[1])).path("azp").asText(null);
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String call(String pathAndQuery) {
    return RestAssured.given()
        .post(System.getProperty(PROPERTY) + pathAndQuery)
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }
}
