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
 * {@code /api} operation is documented with the OIDC security scheme, refuses a call without a
 * token with 401 problem+json, and documents its problem responses (docs/errors.md, "OpenAPI
 * problem responses").
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

  /**
   * @return one line per missing or malformed problem response: every {@code /api} operation
   *     documents 401 and 403, one with parameters or a body 400, one with a path parameter 404,
   *     one with a body 413, 415 (when its content type is fixed) and 422; every 4xx response has
   *     problem+json content with the Problem schema and an example, and no other content
   */
  public static List<String> problemResponsesMissing(String baseUrl) {
    JsonNode document = read(baseUrl + "/q/openapi?format=json");
    List<String> offenders = new ArrayList<>();
    if (!document.path("components").path("schemas").has("Problem")) {
      offenders.add("no Problem schema among the components");
    }
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      if (!path.getKey().startsWith("/api/")) {
        continue;
      }
      boolean pathParameter = path.getKey().contains("{");
      boolean itemParameters = path.getValue().path("parameters").size() > 0;
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        if (!METHODS.contains(operation.getKey())) {
          continue;
        }
        String name = operation.getKey().toUpperCase() + " " + path.getKey();
        JsonNode op = operation.getValue();
        JsonNode body = resolve(document, op.path("requestBody")).path("content");
        boolean hasBody = op.has("requestBody");
        List<String> expected = new ArrayList<>(List.of("401", "403"));
        if (hasBody || itemParameters || op.path("parameters").size() > 0) {
          expected.add("400");
        }
        if (pathParameter) {
          expected.add("404");
        }
        if (hasBody) {
          expected.addAll(List.of("413", "422"));
          boolean fixedType = body.size() > 0;
          for (Map.Entry<String, JsonNode> type : body.properties()) {
            fixedType &= !type.getKey().contains("*");
          }
          if (fixedType) {
            expected.add("415");
          }
        }
        JsonNode responses = op.path("responses");
        for (String status : expected) {
          if (!responses.has(status)) {
            offenders.add(name + ": no " + status);
          }
        }
        for (Map.Entry<String, JsonNode> response : responses.properties()) {
          if (response.getKey().startsWith("4")) {
            offenders.addAll(
                problemContentMissing(
                    name + " " + response.getKey(), resolve(document, response.getValue())));
          }
        }
      }
    }
    return offenders;
  }

  private static List<String> problemContentMissing(String name, JsonNode response) {
    JsonNode content = response.path("content");
    JsonNode problem = content.path("application/problem+json");
    List<String> offenders = new ArrayList<>();
    if (content.size() != 1 || problem.isMissingNode()) {
      offenders.add(name + ": content is not only application/problem+json: " + content);
      return offenders;
    }
    JsonNode schema = problem.path("schema");
    if (!schema.has("$ref") && !schema.path("allOf").path(0).has("$ref")) {
      offenders.add(name + ": problem+json without a schema reference");
    }
    if (problem.path("examples").size() == 0 && !problem.has("example")) {
      offenders.add(name + ": problem+json without an example");
    }
    return offenders;
  }

  /**
   * A response or request body as the document defines it: one given as a reference to a shared
   * component ({@code #/components/responses/Gone}) is looked up there.
   */
  public static JsonNode resolve(JsonNode document, JsonNode node) {
    String ref = node.path("$ref").asText("");
    if (!ref.startsWith("#/")) {
      return node;
    }
    return document.at(ref.substring(1));
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
