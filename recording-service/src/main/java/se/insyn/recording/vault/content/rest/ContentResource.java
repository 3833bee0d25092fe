package se.insyn.recording.vault.content.rest;

import static se.insyn.recording.platform.openapi.ApiExamples.*;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.insyn.recording.vault.content.service.ContentQueries;
import se.insyn.recording.vault.content.service.ContentService;

@Path("/api/v1/recordings/{id}/content")
@Authenticated
@Tag(name = "Content")
@Produces(MediaType.APPLICATION_JSON)
public class ContentResource {

  private final ContentService content;
  private final ContentQueries queries;

  ContentResource(ContentService content, ContentQueries queries) {
    this.content = content;
    this.queries = queries;
  }

  /**
   * Blocking with an InputStream body: Quarkus REST hands the request body over as it arrives, so a
   * recording of any size passes through without being held in memory.
   */
  @PUT
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed("recorder")
  @Operation(
      summary = "Upload the content of a started recording (R31, R32)",
      description =
          "Streams the bytes through SHA-256 and AES-256-GCM (a data key of its own, wrapped by"
              + " the configured KEK) into the blob store; then seals the hash to the metadata."
              + " Once only; a disposed recording answers 410 with its disposal receipt.")
  @RequestBody(ref = ContentResponses.UPLOAD)
  @APIResponse(
      responseCode = "201",
      description = "Stored and sealed",
      content =
          @Content(
              schema = @Schema(implementation = ContentDto.class),
              examples = @ExampleObject(name = "sealed", value = CONTENT)))
  @APIResponse(
      responseCode = "400",
      description = "The body broke off; nothing was kept",
      content = @Content(examples = @ExampleObject(name = "incomplete", value = UPLOAD_INCOMPLETE)))
  @APIResponse(responseCode = "404", description = "No such recording")
  @APIResponse(
      responseCode = "409",
      description =
          "Never started, still running (the seal covers final metadata, R32), or content"
              + " already stored")
  @APIResponse(
      responseCode = "415",
      description =
          "A content type off the allow-list; the type is fixed at upload and played back")
  @APIResponse(responseCode = "410", ref = ContentResponses.GONE)
  public Response upload(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      InputStream body,
      @Context UriInfo uri) {
    return Response.created(uri.getAbsolutePath())
        .entity(ContentDto.of(content.upload(id, contentType, body), true))
        .build();
  }

  @GET
  @RolesAllowed({"recording-admin", "it-operator", "investigator", "dpo"})
  @Operation(
      summary = "What is stored: hash, size, seal and whether the seal still holds (R32)",
      description =
          "Never the bytes. `sealIntact` is true only if the seal still matches the stored hash and"
              + " metadata and the stored bytes still decrypt to that hash: it reads the whole"
              + " blob. A disposed recording answers 410 with its receipt.")
  @APIResponse(
      responseCode = "200",
      description = "Content facts",
      content =
          @Content(
              schema = @Schema(implementation = ContentDto.class),
              examples = @ExampleObject(name = "sealed", value = CONTENT)))
  @APIResponse(responseCode = "404", description = "No such recording")
  @APIResponse(responseCode = "410", ref = ContentResponses.GONE)
  public ContentDto get(@PathParam("id") UUID id) {
    ContentQueries.Facts facts = queries.facts(id);
    return ContentDto.of(
        facts.recording(), content.verified(facts.recording(), facts.sealIntact()));
  }
}
