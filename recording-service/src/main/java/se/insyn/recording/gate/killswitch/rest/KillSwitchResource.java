package se.insyn.recording.gate.killswitch.rest;

import static se.insyn.recording.platform.openapi.ApiExamples.*;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import se.insyn.recording.gate.killswitch.service.Engagement;
import se.insyn.recording.gate.killswitch.service.KillSwitchService;
import se.insyn.recording.gate.killswitch.service.Release;

@Path("/api/v1/kill-switch")
@Authenticated
@Tag(name = "Kill switch")
@Produces(MediaType.APPLICATION_JSON)
public class KillSwitchResource {

  private final KillSwitchService killSwitch;
  private final JsonWebToken caller;

  KillSwitchResource(KillSwitchService killSwitch, JsonWebToken caller) {
    this.killSwitch = killSwitch;
    this.caller = caller;
  }

  @GET
  @RolesAllowed({"recording-admin", "dpo", "policy-approver"})
  @Operation(summary = "Whether the kill switch is engaged, and its history")
  @APIResponse(
      responseCode = "200",
      description = "The kill switch state",
      content =
          @Content(
              schema = @Schema(implementation = KillSwitchState.class),
              examples =
                  @ExampleObject(
                      name = "engaged",
                      value =
                          "{\"engaged\":true,\"active\":["
                              + ENGAGEMENT
                              + "],\"history\":["
                              + ENGAGEMENT
                              + "]}")))
  public KillSwitchState state() {
    List<KillSwitchDto> active = killSwitch.engaged().stream().map(KillSwitchDto::of).toList();
    return new KillSwitchState(
        !active.isEmpty(), active, killSwitch.history().stream().map(KillSwitchDto::of).toList());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({"recording-admin", "dpo"})
  @Operation(
      summary = "Engage the kill switch for every channel or the listed ones (R29)",
      description =
          "From the commit on, every decision for a covered channel is DENY KILL_SWITCH, and"
              + " recordings in progress there are stopped.")
  @RequestBody(
      content =
          @Content(
              examples = {
                @ExampleObject(name = "everything", value = "{\"reason\":\"Incident 2026-17\"}"),
                @ExampleObject(
                    name = "one line",
                    value =
                        "{\"channelIds\":[\"0b6f1c1e-8a59-4bb8-9d6e-2f1f4b0c9a11\"],"
                            + "\"reason\":\"Recording default found on the line\"}")
              }))
  @APIResponse(
      responseCode = "201",
      description = "Engaged",
      content =
          @Content(
              schema = @Schema(implementation = KillSwitchDto.class),
              examples = @ExampleObject(name = "engaged", value = ENGAGEMENT)))
  @APIResponse(
      responseCode = "422",
      description = "A listed channel id names no channel; nothing was engaged",
      content =
          @Content(examples = @ExampleObject(name = "unknown channel", value = UNKNOWN_CHANNELS)))
  public Response engage(Engagement request, @Context UriInfo uri) {
    KillSwitchDto engaged =
        KillSwitchDto.of(killSwitch.engage(request, Caller.of(caller).subject()));
    return Response.created(uri.getAbsolutePathBuilder().path(engaged.id().toString()).build())
        .entity(engaged)
        .build();
  }

  @POST
  @Path("/{id}/release")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({"recording-admin", "dpo"})
  @Operation(summary = "Release an engagement; only someone other than who engaged it (R29)")
  @RequestBody(
      content =
          @Content(examples = @ExampleObject(value = "{\"reason\":\"Incident 2026-17 closed\"}")))
  @APIResponse(
      responseCode = "200",
      description = "Released",
      content =
          @Content(
              schema = @Schema(implementation = KillSwitchDto.class),
              examples = @ExampleObject(name = "released", value = ENGAGEMENT)))
  @APIResponse(responseCode = "404", description = "No such engagement")
  @APIResponse(responseCode = "409", description = "Already released")
  public KillSwitchDto release(@PathParam("id") UUID id, Release request) {
    return KillSwitchDto.of(killSwitch.release(id, request, Caller.of(caller).subject()));
  }
}
