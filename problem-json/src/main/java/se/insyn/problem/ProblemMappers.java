package se.insyn.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps every failure of a request to one problem+json response. Client errors are logged at DEBUG;
 * server errors at ERROR with a reference that is also in the response, and never with internals in
 * the body.
 */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response problem(ProblemException e, UriInfo uri) {
    return respond(
        new Problem(e.type(), e.title(), e.status(), e.getMessage(), path(uri), e.violations()), e);
  }

  @ServerExceptionMapper
  public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
    List<Problem.Violation> violations = new ArrayList<>();
    for (ConstraintViolation<?> v : e.getConstraintViolations()) {
      violations.add(new Problem.Violation(fieldOf(v.getPropertyPath()), v.getMessage()));
    }
    violations.sort(Comparator.comparing(Problem.Violation::field));
    return respond(
        new Problem(
            ProblemTypes.VALIDATION,
            "Invalid request",
            400,
            "The request has " + violations.size() + " invalid field(s).",
            path(uri),
            violations),
        e);
  }

  @ServerExceptionMapper
  public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
    String field = jsonPath(e);
    return respond(
        new Problem(
            ProblemTypes.VALIDATION,
            "Invalid request",
            400,
            "Unknown field '" + e.getPropertyName() + "'.",
            path(uri),
            List.of(new Problem.Violation(field, "unknown field"))),
        e);
  }

  /** Declared for this exact type so it takes precedence over the JSON provider's own mapper. */
  @ServerExceptionMapper
  public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
    return badJson(e, uri);
  }

  @ServerExceptionMapper
  public Response badJson(JsonProcessingException e, UriInfo uri) {
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = jsonPath(mapping);
      return respond(
          new Problem(
              ProblemTypes.VALIDATION,
              "Invalid request",
              400,
              "Field '" + field + "' has a value of the wrong type or format.",
              path(uri),
              List.of(new Problem.Violation(field, "wrong type or format"))),
          e);
    }
    return respond(
        new Problem(
            ProblemTypes.MALFORMED_JSON,
            "Malformed JSON",
            400,
            "The request body is not valid JSON.",
            path(uri),
            List.of()),
        e);
  }

  @ServerExceptionMapper({
    UnauthorizedException.class,
    AuthenticationFailedException.class,
    AuthenticationCompletionException.class
  })
  public Response unauthenticated(RuntimeException e, UriInfo uri) {
    Problem problem =
        new Problem(
            ProblemTypes.UNAUTHENTICATED,
            "Unauthenticated",
            401,
            "A valid bearer token from the configured issuer is required.",
            path(uri),
            List.of());
    LOG.debugf("401 on %s: %s", problem.instance(), e.getMessage());
    return Response.status(401)
        .type(Problem.MEDIA_TYPE)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .entity(problem)
        .build();
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, UriInfo uri) {
    return respond(
        new Problem(
            ProblemTypes.FORBIDDEN,
            "Forbidden",
            403,
            "Your roles do not allow this operation.",
            path(uri),
            List.of()),
        e);
  }

  @ServerExceptionMapper
  public Response http(WebApplicationException e, UriInfo uri) {
    int status = e.getResponse().getStatus();
    // The JSON provider wraps parse failures of a body in a plain 400.
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof JsonProcessingException json) {
        return badJson(json, uri);
      }
    }
    // A parameter RESTEasy could not convert arrives wrapped: a path or query parameter as a 404,
    // a header or cookie as a 400. ParameterConverters' refusal names it; any other is one of the
    // types those converters leave to RESTEasy.
    if (e.getCause() instanceof ProblemException named) {
      return problem(named, uri);
    }
    if (e.getCause() != null && (status == 404 || status == 400)) {
      return respond(
          new Problem(
              ProblemTypes.VALIDATION,
              "Invalid request",
              400,
              "A parameter has a value of the wrong type or format.",
              path(uri),
              List.of()),
          e);
    }
    if (status >= 500) {
      return unexpected(e, uri);
    }
    Response.StatusType reason = Response.Status.fromStatusCode(status);
    String title = reason == null ? "HTTP " + status : reason.getReasonPhrase();
    return respond(
        new Problem(ProblemTypes.HTTP, title, status, detailFor(status), path(uri), List.of()), e);
  }

  @ServerExceptionMapper
  public Response unexpected(Throwable e, UriInfo uri) {
    if (databaseUnreachable(e)) {
      return unavailable(e, uri);
    }
    String reference = UUID.randomUUID().toString();
    LOG.errorf(e, "Unexpected error %s on %s", reference, path(uri));
    return Response.status(500)
        .type(Problem.MEDIA_TYPE)
        .entity(
            new Problem(
                ProblemTypes.INTERNAL,
                "Internal error",
                500,
                "The request could not be completed. Reference: " + reference,
                path(uri),
                List.of()))
        .build();
  }

  /**
   * 503 with {@code Retry-After} while the database cannot be reached (a restart, a failover): the
   * request did nothing and may be retried. Logged at WARN, since it is not a defect.
   */
  private static Response unavailable(Throwable e, UriInfo uri) {
    LOG.warnf("Database unreachable on %s: %s", path(uri), e.getMessage());
    return Response.status(503)
        .header(HttpHeaders.RETRY_AFTER, "1")
        .type(Problem.MEDIA_TYPE)
        .entity(
            new Problem(
                ProblemTypes.UNAVAILABLE,
                "Service unavailable",
                503,
                "The service cannot reach its database right now; nothing was changed. Retry"
                    + " shortly.",
                path(uri),
                List.of()))
        .build();
  }

  /**
   * Whether the failure is a lost or refused database connection: SQLState class 08 (connection
   * exception), 57P01..57P03 (the server shutting down or starting up), or the pool's timeout.
   */
  static boolean databaseUnreachable(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException) {
        return true;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || state.startsWith("57P0")) {
          return true;
        }
      }
    }
    return false;
  }

  private static Response respond(Problem problem, Throwable cause) {
    LOG.debugf("%d on %s: %s", problem.status(), problem.instance(), cause.getMessage());
    return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
  }

  private static String detailFor(int status) {
    return switch (status) {
      case 404 -> "Nothing exists at this path.";
      case 405 -> "This method is not allowed on this path.";
      case 406 -> "None of the accepted media types can be produced.";
      case 415 -> "The request's content type is not supported here.";
      default -> "The request was not accepted.";
    };
  }

  private static String path(UriInfo uri) {
    return uri == null ? null : uri.getPath();
  }

  /**
   * The request field a violation is about, as a JSON path ({@code subjects[1].value}); for a query
   * or path parameter, its name.
   */
  public static String fieldOf(Path path) {
    String parameter = null;
    StringBuilder field = new StringBuilder();
    for (Path.Node node : path) {
      ElementKind kind = node.getKind();
      if (kind == ElementKind.PARAMETER) {
        parameter = node.getName();
        continue;
      }
      if (kind != ElementKind.PROPERTY && kind != ElementKind.CONTAINER_ELEMENT) {
        continue;
      }
      if (node.isInIterable()) {
        field
            .append('[')
            .append(node.getIndex() != null ? node.getIndex() : node.getKey())
            .append(']');
      }
      if (node.getName() != null && !node.getName().startsWith("<")) {
        if (field.length() > 0) {
          field.append('.');
        }
        field.append(node.getName());
      }
    }
    if (field.length() > 0) {
      return field.toString();
    }
    return parameter != null ? parameter : "request";
  }

  private static String jsonPath(JsonMappingException e) {
    StringBuilder field = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (field.length() > 0) {
          field.append('.');
        }
        field.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        field.append('[').append(ref.getIndex()).append(']');
      }
    }
    return field.isEmpty() ? "request" : field.toString();
  }
}
