package se.insyn.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

/** The filter's rule (docs/errors.md, "OpenAPI problem responses") on hand-built models. */
class ProblemResponsesFilterTest {

  private final ProblemResponsesFilter filter = new ProblemResponsesFilter();

  @Test
  void anOperationWithNoInputsGetsOnly401And403() {
    Operation operation = operation();
    filtered("/api/v1/things", PathItem.HttpMethod.GET, operation);
    assertEquals(Set.of("200", "401", "403"), operation.getResponses().getAPIResponses().keySet());
    assertProblem(operation, "401", ProblemTypes.UNAUTHENTICATED);
    assertProblem(operation, "403", ProblemTypes.FORBIDDEN);
  }

  @Test
  void aQueryParameterAdds400WithAParameterExampleAndNo404() {
    Operation operation = operation().addParameter(parameter("limit", Parameter.In.QUERY));
    filtered("/api/v1/things", PathItem.HttpMethod.GET, operation);
    assertEquals(
        Set.of("200", "400", "401", "403"), operation.getResponses().getAPIResponses().keySet());
    assertEquals(Set.of("invalid parameter"), problem(operation, "400").getExamples().keySet());
  }

  @Test
  void aPathParameterAdds400NamingItAnd404() {
    Operation operation =
        operation()
            .addParameter(
                parameter("id", Parameter.In.PATH)
                    .schema(OASFactory.createSchema().addType(SchemaType.STRING).format("uuid")));
    filtered("/api/v1/things/{id}", PathItem.HttpMethod.GET, operation);
    assertEquals(
        Set.of("200", "400", "401", "403", "404"),
        operation.getResponses().getAPIResponses().keySet());
    assertProblem(operation, "400", ProblemTypes.VALIDATION);
    @SuppressWarnings("unchecked")
    Map<String, Object> example =
        (Map<String, Object>)
            problem(operation, "400").getExamples().get("invalid parameter").getValue();
    assertEquals("Parameter 'id' must be a UUID.", example.get("detail"));
    assertEquals(
        List.of(Map.of("field", "id", "message", "must be a UUID")), example.get("violations"));
    assertProblem(operation, "404", ProblemTypes.NOT_FOUND);
  }

  @Test
  void parametersDeclaredOnThePathItemCountToo() {
    Operation operation = operation();
    PathItem item =
        OASFactory.createPathItem()
            .GET(operation)
            .addParameter(parameter("code", Parameter.In.PATH));
    filter.filterOpenAPI(document("/api/v1/things/{code}", item));
    assertTrue(operation.getResponses().hasAPIResponse("400"));
    assertTrue(operation.getResponses().hasAPIResponse("404"));
  }

  @Test
  void aJsonBodyAdds400And413And415And422ButNot404Or409() {
    Operation operation = operation().requestBody(body("application/json"));
    filtered("/api/v1/things", PathItem.HttpMethod.POST, operation);
    assertEquals(
        Set.of("200", "400", "401", "403", "413", "415", "422"),
        operation.getResponses().getAPIResponses().keySet());
    assertEquals(Set.of("invalid field"), problem(operation, "400").getExamples().keySet());
    assertProblem(operation, "413", ProblemTypes.HTTP);
    assertProblem(operation, "415", ProblemTypes.HTTP);
    assertProblem(operation, "422", ProblemTypes.RULE_VIOLATION);
  }

  @Test
  void aBodyOfAnyContentTypeIsNeverA415() {
    Operation operation = operation().requestBody(body("*/*"));
    filtered("/api/v1/things", PathItem.HttpMethod.PUT, operation);
    assertTrue(operation.getResponses().hasAPIResponse("413"));
    assertTrue(operation.getResponses().hasAPIResponse("422"));
    assertNull(operation.getResponses().getAPIResponse("415"));
  }

  @Test
  void aBodyAndParametersShowBothKindsOf400() {
    Operation operation =
        operation()
            .addParameter(parameter("id", Parameter.In.PATH))
            .requestBody(body("application/json"));
    filtered("/api/v1/things/{id}/withdraw", PathItem.HttpMethod.POST, operation);
    assertEquals(
        Set.of("invalid parameter", "invalid field"),
        problem(operation, "400").getExamples().keySet());
  }

  @Test
  void aContentLessDeclaredResponseKeepsItsWordingAndGetsTheProblemContent() {
    Operation operation = operation().requestBody(body("application/json"));
    operation
        .getResponses()
        .addAPIResponse("409", OASFactory.createAPIResponse().description("The code is taken"))
        .addAPIResponse(
            "422", OASFactory.createAPIResponse().description("Recording ids that name nothing"));
    filtered("/api/v1/things", PathItem.HttpMethod.POST, operation);
    assertEquals(
        "The code is taken", operation.getResponses().getAPIResponse("409").getDescription());
    assertProblem(operation, "409", ProblemTypes.CONFLICT);
    assertEquals(
        "Recording ids that name nothing",
        operation.getResponses().getAPIResponse("422").getDescription());
    assertProblem(operation, "422", ProblemTypes.RULE_VIOLATION);
  }

  @Test
  void theDescriptionsQuarkusAddsByItselfGiveWayToTheStandardOnes() {
    Operation operation = operation();
    operation
        .getResponses()
        .addAPIResponse("401", OASFactory.createAPIResponse().description("Not Authorized"))
        .addAPIResponse("403", OASFactory.createAPIResponse().description("Not Allowed"));
    filtered("/api/v1/things", PathItem.HttpMethod.GET, operation);
    assertEquals(
        "No valid bearer token", operation.getResponses().getAPIResponse("401").getDescription());
    assertEquals(
        "The caller's roles do not allow this",
        operation.getResponses().getAPIResponse("403").getDescription());
  }

  @Test
  void aDeclaredStatusThatNoRuleInfersIsFilledToo() {
    Operation operation = operation();
    operation
        .getResponses()
        .addAPIResponse("404", OASFactory.createAPIResponse().description("Nothing published yet"));
    filtered("/api/v1/notices/current", PathItem.HttpMethod.GET, operation);
    assertEquals(
        "Nothing published yet", operation.getResponses().getAPIResponse("404").getDescription());
    assertProblem(operation, "404", ProblemTypes.NOT_FOUND);
  }

  @Test
  void aDeclaredStatusWithoutAStandardGetsAPlainProblemSayingItsDescription() {
    Operation operation = operation();
    operation
        .getResponses()
        .addAPIResponse("410", OASFactory.createAPIResponse().description("Pruned away"));
    filtered("/api/v1/proofs", PathItem.HttpMethod.GET, operation);
    assertProblem(operation, "410", ProblemTypes.HTTP);
    assertEquals(
        Map.of("type", ProblemTypes.HTTP, "title", "Gone", "status", 410, "detail", "Pruned away"),
        problem(operation, "410").getExamples().get("problem").getValue());
  }

  @Test
  void aSpecificExampleDeclaredWithoutAMediaTypeMovesToProblemJsonAndReplacesTheStandardOne() {
    Operation operation = operation().requestBody(body("application/json"));
    Map<String, Object> unknown =
        Map.of("type", ProblemTypes.RULE_VIOLATION, "title", "Unknown channels", "status", 422);
    operation
        .getResponses()
        .addAPIResponse(
            "422",
            OASFactory.createAPIResponse()
                .description("A channel id names no channel")
                .content(
                    OASFactory.createContent()
                        .addMediaType(
                            "application/json",
                            OASFactory.createMediaType()
                                .addExample(
                                    "unknown channel",
                                    OASFactory.createExample().value(unknown)))));
    filtered("/api/v1/kill-switch", PathItem.HttpMethod.POST, operation);
    APIResponse response = operation.getResponses().getAPIResponse("422");
    assertEquals(Set.of(Problem.MEDIA_TYPE), response.getContent().getMediaTypes().keySet());
    MediaType problem = problem(operation, "422");
    assertEquals(Set.of("unknown channel"), problem.getExamples().keySet());
    assertEquals(unknown, problem.getExamples().get("unknown channel").getValue());
    assertEquals("#/components/schemas/Problem", problem.getSchema().getRef());
  }

  @Test
  void aDeclaredProblemSchemaIsKept() {
    Operation operation = operation();
    operation
        .getResponses()
        .addAPIResponse(
            "410",
            OASFactory.createAPIResponse()
                .description("Disposed of")
                .content(
                    OASFactory.createContent()
                        .addMediaType(
                            Problem.MEDIA_TYPE,
                            OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref("GoneProblem")))));
    filtered("/api/v1/recordings", PathItem.HttpMethod.GET, operation);
    assertEquals(
        "#/components/schemas/GoneProblem", problem(operation, "410").getSchema().getRef());
  }

  @Test
  void pathsOutsideTheApiAreLeftAlone() {
    Operation operation = operation().addParameter(parameter("lang", Parameter.In.QUERY));
    filtered("/portal", PathItem.HttpMethod.GET, operation);
    assertEquals(Set.of("200"), operation.getResponses().getAPIResponses().keySet());
  }

  @Test
  void theProblemSchemaIsAComponent() {
    OpenAPI document = document("/api/v1/things", OASFactory.createPathItem().GET(operation()));
    filter.filterOpenAPI(document);
    var schema = document.getComponents().getSchemas().get("Problem");
    assertNotNull(schema);
    assertEquals(
        Set.of("type", "title", "status", "detail", "instance", "violations"),
        schema.getProperties().keySet());
    assertEquals(List.of("type", "title", "status"), schema.getRequired());
  }

  private void filtered(String path, PathItem.HttpMethod method, Operation operation) {
    PathItem item = OASFactory.createPathItem();
    item.setOperation(method, operation);
    filter.filterOpenAPI(document(path, item));
  }

  private static OpenAPI document(String path, PathItem item) {
    return OASFactory.createOpenAPI().paths(OASFactory.createPaths().addPathItem(path, item));
  }

  private static Operation operation() {
    return OASFactory.createOperation()
        .responses(
            OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("OK")));
  }

  private static Parameter parameter(String name, Parameter.In in) {
    return OASFactory.createParameter().name(name).in(in);
  }

  private static org.eclipse.microprofile.openapi.models.parameters.RequestBody body(
      String mediaType) {
    return OASFactory.createRequestBody()
        .content(OASFactory.createContent().addMediaType(mediaType, OASFactory.createMediaType()));
  }

  private static MediaType problem(Operation operation, String status) {
    APIResponse response = operation.getResponses().getAPIResponse(status);
    assertNotNull(response, "no " + status);
    MediaType problem = response.getContent().getMediaType(Problem.MEDIA_TYPE);
    assertNotNull(problem, status + " has no problem+json content");
    return problem;
  }

  /** The response is problem+json with the Problem schema and an example of the given type. */
  @SuppressWarnings("unchecked")
  private static void assertProblem(Operation operation, String status, String type) {
    MediaType problem = problem(operation, status);
    assertEquals("#/components/schemas/Problem", problem.getSchema().getRef());
    assertEquals(1, problem.getExamples().size(), status + " examples");
    Map<String, Object> example =
        (Map<String, Object>) problem.getExamples().values().iterator().next().getValue();
    assertEquals(type, example.get("type"));
    assertEquals(Integer.parseInt(status), example.get("status"));
    assertNotNull(example.get("title"));
    assertNotNull(example.get("detail"));
    assertNotNull(operation.getResponses().getAPIResponse(status).getDescription());
  }
}
