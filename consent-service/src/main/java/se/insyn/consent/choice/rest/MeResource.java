package se.insyn.consent.choice.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.insyn.consent.choice.repository.Consent;
import se.insyn.consent.choice.service.ConsentService;

@Path("/api/v1/me/consents")
@Authenticated
@Tag(name = "Choices")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

  private final ConsentService consents;

  MeResource(ConsentService consents) {
    this.consents = consents;
  }

  @GET
  @RolesAllowed("employee")
  @Operation(
      summary = "The caller's own choices with their history, newest first",
      description = "Only ever the caller's own: nobody can list another person's choices.")
  public List<ConsentDto> mine() {
    // Newest first, so the first record per purpose and scope is the one in force.
    Set<String> seen = new HashSet<>();
    List<ConsentDto> result = new ArrayList<>();
    for (Consent c : consents.mine()) {
      boolean superseded = !seen.add(c.purposeCode + "\n" + c.sessionId);
      result.add(ConsentDto.of(c, superseded));
    }
    return result;
  }
}
