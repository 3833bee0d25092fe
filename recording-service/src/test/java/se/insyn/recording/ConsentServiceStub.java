package se.insyn.recording;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;

/**
 * A real HTTP stand-in for the consent-service's {@code POST /api/v1/decisions}. It answers by the
 * session id's prefix: {@code deny-} DENY, {@code hang-} after 5 s (longer than any timeout),
 * {@code error-} 500, anything else PERMIT. It refuses requests without the recording-service's own
 * token, and keeps each request so tests can read what was asked ({@code GET /received/<session>}).
 * With the argument {@code mode=down} nothing listens at the URL it hands out.
 *
 * <p>It also serves the change feed {@code GET /api/v1/consent-changes}. Tests append to it with
 * {@code POST /feed/append} ({@code {"consentId","change"}}, answers the position) and make it fail
 * with {@code POST /feed/down} until {@code POST /feed/up}. Positions continue across Quarkus
 * restarts (kept in a system property) because the follower's cursor lives in the database, which
 * outlives them too.
 */
public class ConsentServiceStub implements QuarkusTestResourceLifecycleManager {

  /** Base URL of the running stub, for tests reading what it received. */
  public static final String PROPERTY = "insyn.test.consent-stub";

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String LAST_POSITION = "insyn.test.consent-feed.last";

  private final Map<String, String> received = new ConcurrentHashMap<>();
  private final NavigableMap<Long, String> feed = new ConcurrentSkipListMap<>();
  private volatile boolean feedDown;
  private HttpServer server;
  private boolean down;

  @Override
  public void init(Map<String, String> initArgs) {
    down = "down".equals(initArgs.get("mode"));
  }

  @Override
  public Map<String, String> start() {
    if (down) {
      return Map.of("quarkus.rest-client.consent-service.url", "http://127.0.0.1:" + closedPort());
    }
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/api/v1/decisions", this::decide);
    server.createContext("/received/", this::received);
    server.createContext("/api/v1/consent-changes", this::changes);
    server.createContext("/feed/", this::feedControl);
    server.start();
    String url = "http://127.0.0.1:" + server.getAddress().getPort();
    System.setProperty(PROPERTY, url);
    return Map.of("quarkus.rest-client.consent-service.url", url);
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private void decide(HttpExchange exchange) throws IOException {
    if (!fromRecordingService(exchange.getRequestHeaders().getFirst("Authorization"))) {
      respond(exchange, 401, "{}");
      return;
    }
    JsonNode body = JSON.readTree(exchange.getRequestBody());
    String session = body.path("sessionId").asText("");
    received.put(session, body.toString());
    boolean wellFormed =
        body.path("purpose").isTextual()
            && body.path("subjects").isArray()
            && !body.path("subjects").isEmpty();
    for (JsonNode s : body.path("subjects")) {
      String type = s.path("type").asText();
      wellFormed &=
          ("employee".equals(type) || "phone".equals(type)) && s.path("value").isTextual();
    }
    if (!wellFormed) {
      respond(exchange, 400, "{}");
      return;
    }
    if (session.startsWith("hang-")) {
      try {
        Thread.sleep(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (session.startsWith("error-")) {
      respond(exchange, 500, "{}");
      return;
    }
    String decision = session.startsWith("deny-") ? "DENY" : "PERMIT";
    String subjectDecision =
        "{\"decision\":\"%s\",\"reason\":\"%s\",\"consentId\":\"%s\",\"noticeVersion\":\"n1\"}"
            .formatted(
                decision, decision.equals("PERMIT") ? "CONSENTED" : "REFUSED", UUID.randomUUID());
    respond(
        exchange,
        200,
        "{\"decision\":\"%s\",\"decisionId\":\"cd-%s\",\"subjects\":[%s]}"
            .formatted(decision, session, subjectDecision));
  }

  private void changes(HttpExchange exchange) throws IOException {
    if (!fromRecordingService(exchange.getRequestHeaders().getFirst("Authorization"))) {
      respond(exchange, 401, "{}");
      return;
    }
    if (feedDown) {
      respond(exchange, 503, "{}");
      return;
    }
    Map<String, String> query = new HashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        String[] kv = pair.split("=", 2);
        query.put(kv[0], kv.length > 1 ? kv[1] : "");
      }
    }
    long after = Long.parseLong(query.getOrDefault("after", "0"));
    int limit = Integer.parseInt(query.getOrDefault("limit", "500"));
    List<String> page = feed.tailMap(after, false).values().stream().limit(limit).toList();
    long next = feed.tailMap(after, false).keySet().stream().limit(limit).reduce(after, Math::max);
    respond(exchange, 200, "{\"changes\":[" + String.join(",", page) + "],\"next\":" + next + "}");
  }

  private synchronized void feedControl(HttpExchange exchange) throws IOException {
    String action = exchange.getRequestURI().getPath().substring("/feed/".length());
    switch (action) {
      case "down" -> feedDown = true;
      case "up" -> feedDown = false;
      case "append" -> {
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        long position = Long.getLong(LAST_POSITION, 0L) + 1;
        System.setProperty(LAST_POSITION, Long.toString(position));
        feed.put(
            position,
            JSON.writeValueAsString(
                Map.of(
                    "position", position,
                    "consentId", body.path("consentId").asText(),
                    "purpose", "call-recording-threats",
                    "change", body.path("change").asText("WITHDRAWN"),
                    "at", Instant.now().toString())));
        respond(exchange, 200, "{\"position\":" + position + "}");
        return;
      }
      default -> {
        respond(exchange, 404, "{}");
        return;
      }
    }
    respond(exchange, 200, "{}");
  }

  private void received(HttpExchange exchange) throws IOException {
    String session = exchange.getRequestURI().getPath().substring("/received/".length());
    String body = received.get(session);
    respond(exchange, body == null ? 404 : 200, body == null ? "{}" : body);
  }

  /**
   * The bearer token must be one the test issuer gave the recording-service itself, for the
   * consent-service: its audience names the service it calls (issue 21 item 1).
   */
  private static boolean fromRecordingService(String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return false;
    }
    String[] parts = authorization.substring(7).split("\\.");
    if (parts.length != 3) {
      return false;
    }
    try {
      JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
      boolean forConsentService = false;
      for (JsonNode audience : claims.path("aud")) {
        forConsentService |= "consent-service".equals(audience.asText());
      }
      return forConsentService && "recording-service".equals(claims.path("azp").asText());
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
