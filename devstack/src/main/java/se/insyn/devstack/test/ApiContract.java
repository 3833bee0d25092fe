package se.insyn.devstack.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a running service against the suite's API rules using its own OpenAPI document: every
 * {@code /api} operation is documented with the OIDC security scheme and refuses a call without a
 * token with 401 problem+json.
 */
public final class ApiContract {

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private ApiContract() {}

  /**
   * @return one line per operation that breaks a rule (empty when all is well), so a test can show
   *     every offender at once
   */
  public static List<String> operationsNotRequiringAToken(String baseUrl) {
    JsonNode document = read(baseUrl + "/q/openapi?format=json");
    List<String> offenders = new ArrayList<>();
    int apiOperations = 0;
    Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").properties().iterator();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      if (!path.getKey().startsWith("/api/")) {
        continue;
      }
      Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().properties().iterator();
      while (operations.hasNext()) {
        Map.Entry<String, JsonNode> operation = operations.next();
        String method = operation.getKey();
        if (!METHODS.contains(method)) {
          continue;
        }
        apiOperations++;
        String name = method.toUpperCase() + " " + path.getKey();
        if (!operation.getValue().has("security") && !document.has("security")) {
          offenders.add(name + ": no security requirement in the OpenAPI document");
        }
        String concrete =
            path.getKey().replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000");
        HttpResponse<String> response = call(method, baseUrl + concrete);
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (response.statusCode() != 401 || !type.startsWith("application/problem+json")) {
          offenders.add(name + ": without a token answered " + response.statusCode() + " " + type);
        }
      }
    }
    if (apiOperations == 0) {
      offenders.add("the OpenAPI document lists no /api operations at all");
    }
    return offenders;
  }

  private static HttpResponse<String> call(String method, String url) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json");
    request.method(
        method.toUpperCase(),
        method.equals("get") || method.equals("delete")
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString("{}"));
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode read(String url) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new ObjectMapper().readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
