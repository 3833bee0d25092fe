package se.insyn.problem;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.DateFormat;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestMatrix;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Converts the typed path and query parameters the suite uses so that a malformed value is a 400
 * naming the parameter (docs/errors.md, "Bad parameters"), not the 404 that JAX-RS gives a path or
 * query parameter it cannot convert. The value itself is never echoed: it may be anything.
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {

  /** The annotations whose value() names the parameter (RESTEasy's own ones may leave it empty). */
  private static final Set<Class<? extends Annotation>> NAMING =
      Set.of(
          PathParam.class,
          QueryParam.class,
          HeaderParam.class,
          CookieParam.class,
          MatrixParam.class,
          FormParam.class,
          RestPath.class,
          RestQuery.class,
          RestHeader.class,
          RestCookie.class,
          RestMatrix.class,
          RestForm.class);

  private record Kind(Function<String, ?> parse, String expectation) {}

  private static final Kind WHOLE_INT = new Kind(Integer::valueOf, "must be a whole number");
  private static final Kind WHOLE_LONG = new Kind(Long::valueOf, "must be a whole number");

  private static final Map<Class<?>, Kind> KINDS =
      Map.of(
          UUID.class, new Kind(UUID::fromString, "must be a UUID"),
          Integer.class, WHOLE_INT,
          int.class, WHOLE_INT,
          Long.class, WHOLE_LONG,
          long.class, WHOLE_LONG,
          Instant.class,
              new Kind(Instant::parse, "must be an instant such as 2026-11-01T00:00:00Z"),
          LocalDate.class, new Kind(LocalDate::parse, "must be a date such as 2026-11-01"));

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <T> ParamConverter<T> getConverter(
      Class<T> rawType, Type genericType, Annotation[] annotations) {
    if (annotations == null || Arrays.stream(annotations).anyMatch(a -> a instanceof DateFormat)) {
      return null;
    }
    Kind kind = KINDS.get(rawType);
    if (kind == null && rawType.isEnum() && !hasFromString(rawType)) {
      kind = enumKind((Class<? extends Enum>) rawType);
    }
    if (kind == null) {
      return null;
    }
    return (ParamConverter<T>) new Converter<>(kind, nameOf(annotations));
  }

  private record Converter<T>(Kind kind, String name) implements ParamConverter<T> {

    @Override
    @SuppressWarnings("unchecked")
    public T fromString(String value) {
      if (value == null) {
        return null;
      }
      try {
        return (T) kind.parse().apply(value);
      } catch (RuntimeException e) {
        throw invalid(name, kind.expectation());
      }
    }

    @Override
    public String toString(T value) {
      return value == null ? null : value.toString();
    }
  }

  /** The 400 for one parameter; also used for values no converter gets to see (NUL, length). */
  static ProblemException invalid(String name, String expectation) {
    return ProblemException.badRequest(
        "Parameter '" + name + "' " + expectation + ".",
        List.of(new Problem.Violation(name, expectation)));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Kind enumKind(Class<? extends Enum> type) {
    String names =
        Arrays.stream(type.getEnumConstants())
            .map(c -> ((Enum<?>) c).name())
            .collect(Collectors.joining(", "));
    return new Kind(value -> Enum.valueOf(type, value), "must be one of " + names);
  }

  /** An enum with its own {@code fromString} is converted its own way, by RESTEasy. */
  private static boolean hasFromString(Class<?> type) {
    try {
      Method method = type.getMethod("fromString", String.class);
      return Modifier.isStatic(method.getModifiers());
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static String nameOf(Annotation[] annotations) {
    for (Annotation a : annotations) {
      if (NAMING.contains(a.annotationType())) {
        try {
          String name = (String) a.annotationType().getMethod("value").invoke(a);
          if (!name.isEmpty()) {
            return name;
          }
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("@" + a.annotationType() + " has no value()", e);
        }
      }
    }
    return "parameter";
  }
}
