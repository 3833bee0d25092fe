package se.insyn.audit.event.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.insyn.audit.event.service.EventQueryService;
import se.insyn.audit.event.service.QueryPurpose;

@Path("/api/v1/events")
@Authenticated
@Tag(name = "Events")
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

  private final EventQueryService events;

  EventResource(EventQueryService events) {
    this.events = events;
  }

  @GET
  @RolesAllowed({"auditor", "investigator", "dpo"})
  @Operation(summary = "Events of one type in a time window; the caller states why (R39)")
  public List<EventDto> list(
      @QueryParam("purpose") @NotNull QueryPurpose purpose,
      @QueryParam("type") @NotBlank String type,
      @QueryParam("from") @NotNull Instant from,
      @QueryParam("to") @NotNull Instant to,
      @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
    return events.byType(type, from, to, limit).stream().map(EventDto::of).toList();
  }
}
