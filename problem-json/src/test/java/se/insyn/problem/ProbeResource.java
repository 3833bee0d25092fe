package se.insyn.problem;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.UUID;

/** A resource that exists only to drive each failure through the mappers. */
@Path("/probe")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProbeResource {

  public record Item(@NotBlank String name) {}

  public record Order(
      @NotBlank String customer, @Min(1) int quantity, @NotEmpty List<@Valid Item> items) {}

  @POST
  public Order echo(@Valid @NotNull Order order) {
    return order;
  }

  @GET
  public String query(@QueryParam("size") @NotNull @Min(1) Integer size) {
    return "ok";
  }

  public enum Colour {
    RED,
    GREEN
  }

  @GET
  @Path("/typed")
  public String typed(
      @QueryParam("limit") Integer limit,
      @QueryParam("from") Instant from,
      @QueryParam("colour") Colour colour,
      @QueryParam("day") LocalDate day) {
    return limit + " " + from + " " + colour + " " + day;
  }

  @GET
  @Path("/items/{id}")
  public String item(@PathParam("id") UUID id) {
    return id.toString();
  }

  /** A type ParameterConverters leaves to RESTEasy. */
  @GET
  @Path("/period")
  public String period(@QueryParam("p") Period period) {
    return period.toString();
  }

  @GET
  @Path("/names/{name}")
  public String name(@PathParam("name") String name, @QueryParam("q") String q) {
    return "ok";
  }

  @GET
  @Path("/conflict")
  public String conflict() {
    throw ProblemException.conflict("Already there.");
  }

  @GET
  @Path("/broken")
  public String broken() {
    throw new IllegalStateException("secret internal detail of class Foo");
  }

  @GET
  @Path("/database-down")
  public String databaseDown() {
    throw new IllegalStateException(
        "could not open connection",
        new java.sql.SQLException("Connection to localhost:5432 refused.", "08001"));
  }

  @GET
  @Path("/admin")
  @RolesAllowed("dpo")
  public String admin() {
    return "ok";
  }
}
