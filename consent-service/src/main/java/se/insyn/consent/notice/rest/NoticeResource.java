package se.insyn.consent.notice.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.insyn.consent.notice.service.NewNotice;
import se.insyn.consent.notice.service.NoticeService;

@Path("/api/v1/purposes/{code}/notices")
@Authenticated
@Tag(name = "Notices")
@Produces(MediaType.APPLICATION_JSON)
public class NoticeResource {

  private final NoticeService notices;

  NoticeResource(NoticeService notices) {
    this.notices = notices;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("consent-admin")
  @Operation(
      summary = "Publish the next notice version",
      description = "A published version is never changed; publish a new one instead.")
  @RequestBody(
      content =
          @Content(
              examples =
                  @ExampleObject(
                      name = "camera",
                      value =
                          """
                          {"texts": {"sv": "Kameran är av tills du slår på den.",
                                     "en": "The camera is off until you turn it on."},
                           "limits": [{"kind": "NOT_RECORDED",
                                       "text": {"sv": "Myndigheten spelar inte in videomöten."}},
                                      {"kind": "NOT_USED_FOR_EVALUATION",
                                       "text": {"sv": "Kameradata används inte för att bedöma personal."}}],
                           "controller": "Försäkringskassan",
                           "contact": "dataskyddsombud@example.se",
                           "requiresReconsent": false}""")))
  @APIResponse(
      responseCode = "201",
      description = "Published; Location points at the version",
      content = @Content(schema = @Schema(implementation = NoticeDto.class)))
  @APIResponse(responseCode = "400", description = "Invalid request (e.g. no Swedish text)")
  @APIResponse(responseCode = "404", description = "No such purpose")
  public Response publish(@PathParam("code") String code, NewNotice request, UriInfo uri) {
    NoticeDto published = NoticeDto.of(notices.publish(code, request));
    return Response.created(
            uri.getAbsolutePathBuilder().path(Integer.toString(published.version())).build())
        .entity(published)
        .build();
  }

  @GET
  @Path("/current")
  @RolesAllowed({"consent-admin", "dpo", "employee", "recorder", "decision-client"})
  @Operation(summary = "The notice version in force")
  @APIResponse(responseCode = "200", description = "The current version")
  @APIResponse(responseCode = "404", description = "No such purpose, or nothing published yet")
  public NoticeDto current(@PathParam("code") String code) {
    return NoticeDto.of(notices.current(code));
  }

  @GET
  @Path("/{version}")
  @RolesAllowed({"consent-admin", "dpo", "employee", "recorder", "decision-client"})
  @Operation(summary = "One notice version, as it was published")
  @APIResponse(responseCode = "200", description = "The version")
  @APIResponse(responseCode = "404", description = "No such purpose or version")
  public NoticeDto version(@PathParam("code") String code, @PathParam("version") String version) {
    return NoticeDto.of(notices.version(code, version));
  }
}
