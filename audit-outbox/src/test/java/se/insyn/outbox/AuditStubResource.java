package se.insyn.outbox;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real HTTP stand-in for the audit-service's ingest endpoint. It keeps every accepted batch with
 * the Authorization header it came with, and can be switched "down" (503) over HTTP.
 */
public class AuditStubResource implements QuarkusTestResourceLifecycleManager {

  private HttpServer server;
  private final List<String> batches = new ArrayList<>();
  private final List<String> authorizations = new ArrayList<>();
  private volatile boolean down;

  @Override
  public Map<String, String> start() {
    try {
      server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext(
        "/api/v1/events",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          int status = down ? 503 : 200;
          if (!down) {
            synchronized (batches) {
              batches.add(body);
              authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            }
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.createContext(
        "/control",
        exchange -> {
          String query = exchange.getRequestURI().getQuery();
          if (query != null) {
            down = query.equals("down");
          }
          String answer;
          synchronized (batches) {
            answer =
                "{\"batches\":["
                    + String.join(",", batches)
                    + "],\"authorizations\":["
                    + String.join(",", authorizations.stream().map(a -> "\"" + a + "\"").toList())
                    + "]}";
          }
          byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    String url = "http://localhost:" + server.getAddress().getPort();
    System.setProperty("insyn.test.audit-stub", url);
    return Map.of("insyn.test.audit-stub", url);
  }

  @Override
  public void stop() {
    server.stop(0);
  }
}
