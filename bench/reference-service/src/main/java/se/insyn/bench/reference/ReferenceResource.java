package se.insyn.bench.reference;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The yardstick for the decision benchmark: the least a "may I record?" endpoint could do. It
 * checks a bearer token and a role exactly as the services do, reads the same JSON request, and
 * does one INSERT (autocommit, so one durable commit) into the same PostgreSQL.
 */
@Path("/api/v1/recordings")
public class ReferenceResource {

  /** The decision request's fields that matter here; the rest is ignored. */
  public record Question(UUID channelId, String callId) {}

  /** What the endpoint answers. */
  public record Answer(UUID id, String decision) {}

  private final AgroalDataSource dataSource;

  ReferenceResource(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  @POST
  @RolesAllowed("recorder")
  public Response decide(Question question) throws SQLException {
    UUID id = UUID.randomUUID();
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "insert into decision (id, channel_id, call_id, decided_at) values (?, ?, ?, now())")) {
      insert.setObject(1, id);
      insert.setObject(2, question.channelId());
      insert.setString(3, question.callId());
      insert.executeUpdate();
    }
    return Response.created(URI.create("/api/v1/recordings/" + id))
        .entity(new Answer(id, "PERMIT"))
        .build();
  }
}
