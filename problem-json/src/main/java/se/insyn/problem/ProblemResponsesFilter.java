package se.insyn.problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents, once for every service, the problem responses of every {@code /api/} operation, so
 * that resources declare only what is specific to them (the rule is in docs/errors.md, "OpenAPI
 * problem responses"):
 *
 * <ul>
 *   <li>401 and 403 always; 400 when the operation has parameters or a request body; 404 when the
 *       path has a path parameter; 413 and 422 when it has a request body, and 415 when that body's
 *       content type is fixed (no wildcard).
 *   <li>Every 4xx response, inferred or declared, gets {@code application/problem+json} content
 *       with the {@code Problem} schema. A declared one keeps its description; examples it gives
 *       under another media type (an {@code @Content} without {@code mediaType} lands under the
 *       operation's {@code @Produces}) move to problem+json; one without examples gets the standard
 *       example of its status.
 * </ul>
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

  static final String PROBLEM_SCHEMA = "Problem";

  private static final List<Problem.Violation> NONE = List.of();

  /**
   * What Quarkus writes on the 400, 401 and 403 it adds by itself (auto-add-bad-request-response,
   * auto-add-security); they say nothing an author chose, so they get the standard description.
   */
  private static final Set<String> QUARKUS_DEFAULTS =
      Set.of("Bad Request", "Not Authorized", "Not Allowed");

  private static final Map<String, Standard> STANDARD =
      Map.of(
          "400",
          new Standard(
              "Invalid request: a parameter or body field is missing, malformed or out of range"
                  + " (violations name each one)",
              "invalid field",
              ProblemTypes.VALIDATION,
              "Invalid request",
              "The request has 1 invalid field(s).",
              List.of(new Problem.Violation("purpose", "must not be blank"))),
          "401",
          new Standard(
              "No valid bearer token",
              "unauthenticated",
              ProblemTypes.UNAUTHENTICATED,
              "Unauthenticated",
              "A valid bearer token from the configured issuer is required.",
              NONE),
          "403",
          new Standard(
              "The caller's roles do not allow this",
              "forbidden",
              ProblemTypes.FORBIDDEN,
              "Forbidden",
              "Your roles do not allow this operation.",
              NONE),
          "404",
          new Standard(
              "Nothing exists with the id in the path",
              "not found",
              ProblemTypes.NOT_FOUND,
              "Not found",
              "No item with id 0b6f1c1e-8a59-4bb8-9d6e-2f1f4b0c9a11 exists.",
              NONE),
          "409",
          new Standard(
              "Conflicts with the current state",
              "conflict",
              ProblemTypes.CONFLICT,
              "Conflict",
              "The change conflicts with the current state; nothing was changed.",
              NONE),
          "413",
          new Standard(
              "The request body is larger than the service accepts",
              "too large",
              ProblemTypes.HTTP,
              "Request Entity Too Large",
              "The request body is larger than this service accepts.",
              NONE),
          "415",
          new Standard(
              "The request's Content-Type is not one this operation accepts",
              "unsupported media type",
              ProblemTypes.HTTP,
              "Unsupported Media Type",
              "The request's content type is not supported here.",
              NONE),
          "422",
          new Standard(
              "Well-formed, but breaks a rule of the domain (violations list each broken rule);"
                  + " nothing was changed",
              "rule violation",
              ProblemTypes.RULE_VIOLATION,
              "Rule violation",
              "The request breaks 1 rule(s); nothing was changed.",
              List.of(new Problem.Violation("purpose", "names no purpose"))));

  /** A status's default description and example. */
  private record Standard(
      String description,
      String exampleName,
      String type,
      String title,
      String detail,
      List<Problem.Violation> violations) {

    /** A fresh example each time, so no two places in the model share one mutable object. */
    Example example(String status) {
      Map<String, Object> problem = new LinkedHashMap<>();
      problem.put("type", type);
      problem.put("title", title);
      problem.put("status", Integer.parseInt(status));
      problem.put("detail", detail);
      if (!violations.isEmpty()) {
        List<Map<String, String>> listed = new ArrayList<>();
        for (Problem.Violation v : violations) {
          Map<String, String> violation = new LinkedHashMap<>();
          violation.put("field", v.field());
          violation.put("message", v.message());
          listed.add(violation);
        }
        problem.put("violations", listed);
      }
      return OASFactory.createExample().value(problem);
    }
  }

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    boolean anyProblem = false;
    for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
      if (!path.getKey().startsWith("/api/")) {
        continue;
      }
      for (Operation operation : path.getValue().getOperations().values()) {
        document(path.getKey(), path.getValue(), operation);
        anyProblem = true;
      }
    }
    if (anyProblem) {
      if (openAPI.getComponents() == null) {
        openAPI.setComponents(OASFactory.createComponents());
      }
      openAPI.getComponents().addSchema(PROBLEM_SCHEMA, problemSchema());
    }
  }

  private static void document(String path, PathItem item, Operation operation) {
    if (operation.getResponses() == null) {
      operation.setResponses(OASFactory.createAPIResponses());
    }
    APIResponses responses = operation.getResponses();
    for (String status : inferred(path, item, operation)) {
      if (!responses.hasAPIResponse(status)) {
        responses.addAPIResponse(status, OASFactory.createAPIResponse());
      }
    }
    for (Map.Entry<String, APIResponse> response : responses.getAPIResponses().entrySet()) {
      String status = response.getKey();
      if (status.length() == 3 && status.charAt(0) == '4' && response.getValue().getRef() == null) {
        complete(status, response.getValue(), firstParameter(item, operation), operation);
      }
    }
  }

  /** The problem statuses an operation can answer by its shape alone, in ascending order. */
  static TreeSet<String> inferred(String path, PathItem item, Operation operation) {
    TreeSet<String> statuses = new TreeSet<>(List.of("401", "403"));
    boolean body = operation.getRequestBody() != null;
    if (body || firstParameter(item, operation) != null) {
      statuses.add("400");
    }
    if (path.contains("{")) {
      statuses.add("404");
    }
    if (body) {
      // Every body is capped (quarkus.http.limits.max-body-size), and every body can break a rule.
      statuses.add("413");
      statuses.add("422");
      if (fixedContentType(operation)) {
        statuses.add("415");
      }
    }
    return statuses;
  }

  /** Whether the request body names its media types, so that any other content type is a 415. */
  private static boolean fixedContentType(Operation operation) {
    Content content = operation.getRequestBody().getContent();
    if (content == null || content.getMediaTypes() == null || content.getMediaTypes().isEmpty()) {
      return false;
    }
    return content.getMediaTypes().keySet().stream().noneMatch(type -> type.contains("*"));
  }

  private static void complete(
      String status, APIResponse response, Parameter parameter, Operation operation) {
    Standard standard = STANDARD.getOrDefault(status, plain(status, response.getDescription()));
    if (response.getDescription() == null
        || response.getDescription().isBlank()
        || QUARKUS_DEFAULTS.contains(response.getDescription())) {
      response.setDescription(standard.description());
    }
    Content content = response.getContent();
    if (content == null) {
      content = OASFactory.createContent();
      response.setContent(content);
    }
    MediaType problem = content.getMediaType(Problem.MEDIA_TYPE);
    if (problem == null) {
      problem = OASFactory.createMediaType();
    }
    // A problem is the only body a 4xx has; examples declared without a media type move here.
    Map<String, MediaType> declared =
        content.getMediaTypes() == null ? Map.of() : new LinkedHashMap<>(content.getMediaTypes());
    for (Map.Entry<String, MediaType> other : declared.entrySet()) {
      if (other.getKey().equals(Problem.MEDIA_TYPE)) {
        continue;
      }
      if (other.getValue().getExamples() != null) {
        other.getValue().getExamples().forEach(problem::addExample);
      }
      if (problem.getExample() == null) {
        problem.setExample(other.getValue().getExample());
      }
      content.removeMediaType(other.getKey());
    }
    content.addMediaType(Problem.MEDIA_TYPE, problem);
    if (problem.getSchema() == null) {
      problem.setSchema(OASFactory.createSchema().ref(PROBLEM_SCHEMA));
    }
    boolean hasExample =
        problem.getExample() != null
            || (problem.getExamples() != null && !problem.getExamples().isEmpty());
    if (!hasExample) {
      addStandardExamples(status, standard, problem, parameter, operation.getRequestBody() != null);
    }
  }

  private static void addStandardExamples(
      String status, Standard standard, MediaType problem, Parameter parameter, boolean body) {
    if (status.equals("400") && parameter != null) {
      problem.addExample("invalid parameter", invalidParameter(parameter).example(status));
      if (!body) {
        return;
      }
    }
    problem.addExample(standard.exampleName(), standard.example(status));
  }

  /**
   * A status no rule covers (410, 429, ...), as {@link ProblemMappers#http} renders it: {@code
   * about:blank}, the reason phrase as title, the declared description as detail.
   */
  private static Standard plain(String status, String description) {
    Response.Status known = Response.Status.fromStatusCode(Integer.parseInt(status));
    String reason = known == null ? "HTTP " + status : known.getReasonPhrase();
    String detail = description == null || description.isBlank() ? reason : description;
    return new Standard(reason, "problem", ProblemTypes.HTTP, reason, detail, NONE);
  }

  private static Schema problemSchema() {
    Schema violation =
        OASFactory.createSchema()
            .addType(SchemaType.OBJECT)
            .addProperty(
                "field",
                text("The rejected field as a JSON path (subjects[1].value), or the parameter"))
            .addProperty("message", text("Why it was rejected"))
            .required(List.of("field", "message"));
    return OASFactory.createSchema()
        .addType(SchemaType.OBJECT)
        .description("An RFC 9457 problem document; the types are listed in docs/errors.md")
        .addProperty(
            "type",
            text("What kind of problem, e.g. urn:insyn:problem:validation").format("uri-reference"))
        .addProperty("title", text("A short summary of that kind of problem"))
        .addProperty(
            "status",
            OASFactory.createSchema()
                .addType(SchemaType.INTEGER)
                .format("int32")
                .description("The HTTP status"))
        .addProperty("detail", text("What was wrong with this request"))
        .addProperty("instance", text("The path of the request"))
        .addProperty(
            "violations",
            OASFactory.createSchema()
                .addType(SchemaType.ARRAY)
                .description("Each rejected field, parameter or broken rule")
                .items(violation))
        .required(List.of("type", "title", "status"));
  }

  private static Schema text(String description) {
    return OASFactory.createSchema().addType(SchemaType.STRING).description(description);
  }

  /** The operation's first parameter (its own, else its path's), or null when it has none. */
  private static Parameter firstParameter(PathItem item, Operation operation) {
    if (notEmpty(operation.getParameters())) {
      return operation.getParameters().get(0);
    }
    return notEmpty(item.getParameters()) ? item.getParameters().get(0) : null;
  }

  /** The 400 a malformed value of this parameter gets, worded as ParameterConverters words it. */
  private static Standard invalidParameter(Parameter parameter) {
    Schema schema = parameter.getSchema();
    String expectation = "has a value of the wrong type or format";
    if (schema != null && "uuid".equals(schema.getFormat())) {
      expectation = "must be a UUID";
    } else if (schema != null
        && schema.getType() != null
        && schema.getType().contains(SchemaType.INTEGER)) {
      expectation = "must be a whole number";
    }
    String name = parameter.getName();
    return new Standard(
        null,
        "invalid parameter",
        ProblemTypes.VALIDATION,
        "Invalid request",
        "Parameter '" + name + "' " + expectation + ".",
        List.of(new Problem.Violation(name, expectation)));
  }

  private static boolean notEmpty(List<?> list) {
    return list != null && !list.isEmpty();
  }
}
