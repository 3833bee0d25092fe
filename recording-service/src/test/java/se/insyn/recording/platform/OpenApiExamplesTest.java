package se.insyn.recording.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.insyn.devstack.test.ApiContract;

/**
 * The published API document shows clients what they get when a call succeeds: every /api operation
 * has a 2xx response with an example. The problem responses are the platform's rule ({@link
 * PlatformTest}, docs/errors.md "OpenAPI problem responses"); a success example only the resource
 * can give.
 */
@QuarkusTest
class OpenApiExamplesTest {

  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options");

  @Test
  void everyApiOperationShowsASuccessExample() throws Exception {
    JsonNode doc =
        new ObjectMapper()
            .readTree(
                given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
    List<String> operations = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
      if (!path.getKey().startsWith("/api/")) {
        continue;
      }
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        if (!METHODS.contains(op.getKey())) {
          continue;
        }
        String name = op.getKey().toUpperCase() + " " + path.getKey();
        operations.add(name);
        boolean example = false;
        for (Map.Entry<String, JsonNode> response : op.getValue().path("responses").properties()) {
          example |=
              response.getKey().startsWith("2")
                  && hasExample(ApiContract.resolve(doc, response.getValue()));
        }
        if (!example) {
          missing.add(name + ": no 2xx response with an example");
        }
      }
    }
    assertFalse(operations.isEmpty(), "no /api operations in the document");
    assertEquals(List.of(), missing);
  }

  private static boolean hasExample(JsonNode response) {
    for (JsonNode media : response.path("content")) {
      if (media.path("examples").size() > 0 || media.has("example")) {
        return true;
      }
    }
    return false;
  }
}
