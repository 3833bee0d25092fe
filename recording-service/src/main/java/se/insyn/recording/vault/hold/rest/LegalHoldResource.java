package se.insyn.recording.vault.hold.rest;

import static se.insyn.recording.platform.openapi.ApiExamples.*;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.insyn.identity.Caller;
import se.insyn.recording.vault.hold.service.LegalHoldService;
import se.insyn.recording.vault.hold.service.NewHold;

@Path("/api/v1/legal-holds")
@Authenticated
@Tag(name = "Legal holds")
@Produces(MediaType.APPLICATION_JSON)
public class LegalHoldResource {

  private final LegalHoldService holds;
  private final JsonWebToken caller;

  LegalHoldResource(LegalHoldService holds, JsonWebToken caller) {
    this.holds = holds;
    this.caller = caller;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("investigator")
  @Operation(
      summary = "Place a legal hold (R46)",
      description =
          "By recording ids, or by channel and time window (which also catches recordings made"
              + " later inside it). Held recordings are skipped by disposal until release.")
  @RequestBody(
      content =
          @Content(
              examples = {
                @ExampleObject(
                    name = "by recordings",
                    value =
                        """
                        {"caseRef":"KS 2026/331","reason":"DOCUMENT_REQUEST",\
                        "criteria":{"recordingIds":["5d0c3f0e-1c8e-4b43-a3f4-0e7b7f7f8a21"]}}"""),
                @ExampleObject(
                    name = "by channel and window",
                    value =
                        """
                        {"caseRef":"Polisanmälan 5000-K123456-26","reason":"POLICE_REPORT",\
                        "criteria":{"channelId":"0b6f1c1e-8a59-4bb8-9d6e-2f1f4b0c9a11",\
                        "from":"2026-11-23T00:00:00Z","to":"2026-11-24T00:00:00Z"}}""")
              }))
  @APIResponse(
      responseCode = "201",
      description = "Placed; lists what it covers now and what was already disposed of",
      content =
          @Content(
              schema = @Schema(implementation = LegalHoldDto.class),
              examples = @ExampleObject(name = "placed", value = LEGAL_HOLD)))
  @APIResponse(
      responseCode = "422",
      description = "Recording ids that name no recording; nothing was held",
      content = @Content(examples = @ExampleObject(name = "unknown", value = UNKNOWN_RECORDINGS)))
  public Response place(NewHold request, @Context UriInfo uri) {
    LegalHoldDto placed = LegalHoldDto.of(holds.place(request, Caller.of(caller).subject()));
    return Response.created(uri.getAbsolutePathBuilder().path(placed.id().toString()).build())
        .entity(placed)
        .build();
  }

  @GET
  @RolesAllowed({"investigator", "dpo"})
  @Operation(summary = "Every legal hold, newest first")
  @APIResponse(
      responseCode = "200",
      description = "Holds",
      content =
          @Content(
              schema = @Schema(implementation = LegalHoldDto.class),
              examples = @ExampleObject(name = "holds", value = "[" + LEGAL_HOLD + "]")))
  public List<LegalHoldDto> list() {
    return holds.list().stream().map(LegalHoldDto::of).toList();
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({"investigator", "dpo"})
  @Operation(summary = "One legal hold")
  @APIResponse(
      responseCode = "200",
      description = "The hold",
      content =
          @Content(
              schema = @Schema(implementation = LegalHoldDto.class),
              examples = @ExampleObject(name = "hold", value = LEGAL_HOLD)))
  @APIResponse(responseCode = "404", description = "No such hold")
  public LegalHoldDto get(@PathParam("id") UUID id) {
    return LegalHoldDto.of(holds.get(id));
  }

  @DELETE
  @Path("/{id}")
  @RolesAllowed({"investigator", "dpo"})
  @Operation(
      summary = "Release a legal hold (R46, audited with both people)",
      description =
          "Needs a reason and a second person: an investigator or DPO other than the one who"
              + " placed the hold. Disposal resumes at its next run for anything already past"
              + " due.")
  @APIResponse(
      responseCode = "200",
      description = "Released",
      content =
          @Content(
              schema = @Schema(implementation = LegalHoldDto.class),
              examples = @ExampleObject(name = "released", value = LEGAL_HOLD)))
  @APIResponse(
      responseCode = "400",
      description = "No reason, or a reason longer than 2000 characters")
  @APIResponse(responseCode = "403", description = "The caller placed the hold (R46)")
  @APIResponse(responseCode = "404", description = "No such hold")
  @APIResponse(responseCode = "409", description = "Already released")
  public LegalHoldDto release(@PathParam("id") UUID id, @QueryParam("reason") String reason) {
    return LegalHoldDto.of(holds.release(id, reason, Caller.of(caller).subject()));
  }
}
