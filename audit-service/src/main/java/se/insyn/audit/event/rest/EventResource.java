package se.insyn.audit.event.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.insyn.audit.event.service.EventBatch;
import se.insyn.audit.event.service.EventQueryService;
import se.insyn.audit.event.service.IngestService;
import se.insyn.audit.log.service.AppendResult;
import se.insyn.identity.Caller;

@Path("/api/v1/events")
@Authenticated
@Tag(name = "Events")
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

  private static final String BATCH_EXAMPLE =
      """
      {"events":[{"id":"0b6f7c3e-2f4a-4c1e-9d7a-5d1f0e2b8a11","source":"recording-service",\
      "sequence":42,"type":"recording.played","time":"2026-11-23T10:15:30Z",\
      "actor":{"subject":"u-123","clientId":"insyn-portal"},"subject":"recording/r-77",\
      "purpose":"QUALITY_TRAINING","data":{"reasonCode":"QUALITY_REVIEW",\
      "reasonPurpose":"QUALITY_TRAINING","caseRef":"C-2026-17"}}]}""";

  private final IngestService ingest;
  private final EventQueryService events;
  private final JsonWebToken token;
  private final ObjectMapper json;

  EventResource(
      IngestService ingest, EventQueryService events, JsonWebToken token, ObjectMapper json) {
    this.ingest = ingest;
    this.events = events;
    this.token = token;
    this.json = json;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("audit-writer")
  @Operation(
      summary = "Append a batch of 1..1000 events (all or none; an id already stored is a no-op)")
  @APIResponse(responseCode = "200", description = "Stored: new count, duplicates, new tree size")
  @APIResponse(
      responseCode = "409",
      description = "A (source, sequence) pair of the batch is taken; nothing of it was stored")
  public IngestResponse append(
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      examples = @ExampleObject(name = "batch", value = BATCH_EXAMPLE)))
          EventBatch batch) {
    AppendResult result = ingest.ingest(batch, token.getClaim("azp"));
    return new IngestResponse(result.accepted(), result.duplicates(), result.treeSize());
  }

  @GET
  @RolesAllowed({"auditor", "investigator", "dpo"})
  @Operation(
      summary =
          "Events in a time window, in log order, with cursor paging; the caller states why (R39)"
              + " and the query itself is logged as audit.queried")
  @APIResponse(responseCode = "200", description = "A page of events; nextCursor if there are more")
  @APIResponse(responseCode = "400", description = "Bad parameter, purpose or caseRef; recorded")
  @APIResponse(
      responseCode = "403",
      description =
          "Source tracing (R39, R41): a protected line, an outbound-call sweep or too many rows;"
              + " refused whatever the purpose, recorded and flagged to the DPO")
  public EventPage search(
      @Parameter(
              description =
                  "INCIDENT_INVESTIGATION, SUBJECT_ACCESS_REQUEST, SUPERVISORY_REQUEST or"
                      + " INTERNAL_CONTROL",
              example = "INTERNAL_CONTROL")
          @QueryParam("purpose")
          String purpose,
      @Parameter(description = "The case this read serves (R39)", example = "AU-2026-0042")
          @QueryParam("caseRef")
          String caseRef,
      @Parameter(example = "recording.played") @QueryParam("type") String type,
      @Parameter(example = "recording/r-77") @QueryParam("subject") String subject,
      @Parameter(description = "The actor's subject", example = "u-123") @QueryParam("actor")
          String actor,
      @Parameter(
              description = "Only the events of one call, across services (W3C trace id)",
              example = "4bf92f3577b34da6a3ce929d0e0e4736")
          @QueryParam("traceId")
          String traceId,
      @Parameter(example = "2026-11-01T00:00:00Z") @QueryParam("from") String from,
      @Parameter(example = "2026-12-01T00:00:00Z") @QueryParam("to") String to,
      @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor")
          String cursor,
      @Parameter(description = "1..1000, default 100") @QueryParam("limit") String limit) {
    EventQueryService.Page page =
        events.search(
            caller(),
            new EventQueryService.Query(
                purpose, caseRef, type, subject, actor, traceId, from, to, cursor, limit));
    return new EventPage(
        page.events().stream().map(e -> EventDto.of(e, json)).toList(), page.nextCursor());
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({"auditor", "investigator", "dpo"})
  @Operation(
      summary =
          "One event with its leaf index, to ask for its inclusion proof; the caller states why"
              + " and the read is logged as audit.queried")
  @APIResponse(responseCode = "200", description = "The event with its leaf index")
  @APIResponse(responseCode = "400", description = "Bad parameter, purpose or caseRef; recorded")
  @APIResponse(
      responseCode = "403",
      description = "The event is about a protected line (R39, R41); recorded and flagged")
  @APIResponse(responseCode = "404", description = "No event with this id is in the log")
  public EventDto byId(
      @PathParam("id") UUID id,
      @Parameter(
              description =
                  "INCIDENT_INVESTIGATION, SUBJECT_ACCESS_REQUEST, SUPERVISORY_REQUEST or"
                      + " INTERNAL_CONTROL",
              example = "INCIDENT_INVESTIGATION")
          @QueryParam("purpose")
          String purpose,
      @Parameter(description = "The case this read serves (R39)", example = "AU-2026-0042")
          @QueryParam("caseRef")
          String caseRef) {
    return EventDto.of(events.byId(caller(), id, purpose, caseRef), json);
  }

  private Caller caller() {
    return Caller.of(token);
  }
}
