package se.insyn.consent.purpose.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
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
}
