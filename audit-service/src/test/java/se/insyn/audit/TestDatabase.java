package se.insyn.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Direct access to the service's database, for tests that tamper with it as an intruder would. */
public final class TestDatabase {

  private TestDatabase() {}

  public static long leafIndexOf(DataSource dataSource, String eventId) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("select leaf_index from audit_event where id = ?::uuid")) {
      s.setString(1, eventId);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  public static void execute(DataSource dataSource, String statement) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(statement)) {
      s.execute();
    }
  }
}
