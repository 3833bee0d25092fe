package se.insyn.consent.recorder;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The recording-service's answer to "which purposes do this platform's channels use?". Called with
 * the consent-service's own identity (client credentials, role platform-scope-reader), not the
 * platform's: the consent-service checks the platform, the platform does not vouch for itself. Only
 * {@link PlatformPurposes} uses it.
 */
@RegisterRestClient(configKey = "recording-service")
@OidcClientFilter
@Path("/api/v1/platforms")
interface RecordingServiceClient {

  @GET
  @Path("/{client}/purposes")
  @Produces(MediaType.APPLICATION_JSON)
  Uni<PlatformPurposes> purposes(@PathParam("client") String client);

  /** Tolerant of fields the recording-service may add later. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record PlatformPurposes(String platform, List<String> purposes) {}
}
