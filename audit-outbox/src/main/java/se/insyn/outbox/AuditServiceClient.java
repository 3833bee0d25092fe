package se.insyn.outbox;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The audit-service's ingest API. Calls carry the emitting service's own identity (client
 * credentials, role {@code audit-writer}): the relay acts for no user.
 */
@RegisterRestClient(configKey = "audit-service")
@OidcClientFilter
@Path("/api/v1/events")
public interface AuditServiceClient {

  /** The body of {@code POST /api/v1/events}: 1 to 1000 events, stored all or none. */
  record Batch(List<AuditEvent> events) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  void append(Batch batch);
}
