package se.insyn.consent.purpose.rest;

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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.insyn.consent.purpose.service.NewPurpose;
import se.insyn.consent.purpose.service.PurposeService;

@Path("/api/v1/purposes")
@Authenticated
@Tag(name = "Purposes")
@Produces(MediaType.APPLICATION_JSON)
public class PurposeResource {

  private final PurposeService purposes;

  PurposeResource(PurposeService purposes) {
    this.purposes = purposes;
  }

  @GET
  @RolesAllowed({"consent-admin", "dpo", "employee", "recorder", "decision-client"})
  @Operation(summary = "List the purposes a person's choice can be about")
  public List<PurposeDto> list() {
    return purposes.list().stream().map(PurposeDto::of).toList();
  }

  @GET
  @Path("/{code}")
  @RolesAllowed({"consent-admin", "dpo", "employee", "recorder", "decision-client"})
  @Operation(summary = "One purpose")
  @APIResponse(responseCode = "200", description = "The purpose")
  @APIResponse(responseCode = "404", description = "No such purpose")
  public PurposeDto get(@PathParam("code") String code) {
    return PurposeDto.of(purposes.get(code));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("consent-admin")
  @Operation(summary = "Create a purpose")
  @RequestBody(
      content =
          @Content(
              examples =
                  @ExampleObject(
                      name = "camera",
                      value =
                          """
                          {"code": "camera-in-video-meeting", "titleSv": "Kamera i videomöte",
                           "titleEn": "Camera in video meeting", "subjects": ["EMPLOYEE"],
                           "choiceModel": "OPT_IN"}""")))
  @APIResponse(
      responseCode = "201",
      description = "Created; Location points at the purpose",
      content = @Content(schema = @Schema(implementation = PurposeDto.class)))
  @APIResponse(responseCode = "409", description = "The code is taken")
  public Response create(NewPurpose request, UriInfo uri) {
    PurposeDto created = PurposeDto.of(purposes.create(request));
    return Response.created(uri.getAbsolutePathBuilder().path(created.code()).build())
        .entity(created)
        .build();
  }
}
