package se.insyn.problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents, once for every service, the 401 and 403 problem responses that every {@code /api}
 * operation can give (they come from {@link ProblemMappers}, not from the operations themselves).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

  private static final Map<String, Object> UNAUTHENTICATED_EXAMPLE =
      example(
          ProblemTypes.UNAUTHENTICATED,
          "Unauthenticated",
          401,
          "A valid bearer token from the configured issuer is required.");

  private static final Map<String, Object> FORBIDDEN_EXAMPLE =
      example(ProblemTypes.FORBIDDEN, "Forbidden", 403, "Your roles do not allow this operation.");

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
      if (!path.getKey().startsWith("/api/")) {
        continue;
      }
      for (Operation operation : path.getValue().getOperations().values()) {
        if (operation.getResponses() == null) {
          operation.setResponses(OASFactory.createAPIResponses());
        }
        operation
            .getResponses()
            .addAPIResponse(
                "401",
                problem("No valid bearer token", "unauthenticated", UNAUTHENTICATED_EXAMPLE));
        operation
            .getResponses()
            .addAPIResponse(
                "403",
                problem("The caller's roles do not allow this", "forbidden", FORBIDDEN_EXAMPLE));
      }
    }
  }

  private static APIResponse problem(String description, String name, Map<String, Object> example) {
    return OASFactory.createAPIResponse()
        .description(description)
        .content(
            OASFactory.createContent()
                .addMediaType(
                    Problem.MEDIA_TYPE,
                    OASFactory.createMediaType()
                        .addExample(name, OASFactory.createExample().value(example))));
  }

  private static Map<String, Object> example(String type, String title, int status, String detail) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", type);
    problem.put("title", title);
    problem.put("status", status);
    problem.put("detail", detail);
    return problem;
  }
}
