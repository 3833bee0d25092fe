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

/**
 * The published API document shows clients what they get: every /api operation has a response with
 * an example, and documents its 401 and 403 as problem+json with an example.
 */
@QuarkusTest
class OpenApiExamplesTest {

  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options");

  @Test
  void everyApiOperationDocumentsItsResponsesWithExamples() throws Exception {
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
        JsonNode responses = op.getValue().path("responses");
        boolean anyExample = false;
        for (Map.Entry<String, JsonNode> response : responses.properties()) {
          anyExample |= hasExample(response.getValue(), null);
        }
        if (!anyExample) {
          missing.add(name + ": no response with an example");
        }
        for (String status : List.of("401", "403")) {
          if (!hasExample(responses.path(status), "application/problem+json")) {
            missing.add(name + ": no problem+json example for " + status);
          }
        }
      }
    }
    assertFalse(operations.isEmpty(), "no /api operations in the document");
    assertEquals(List.of(), missing);
  }

  private static boolean hasExample(JsonNode response, String mediaType) {
    for (Map.Entry<String, JsonNode> content : response.path("content").properties()) {
      boolean rightType = mediaType == null || mediaType.equals(content.getKey());
      JsonNode media = content.getValue();
      if (rightType && (media.path("examples").size() > 0 || media.has("example"))) {
        return true;
      }
    }
    return false;
  }
}
