package se.insyn.devstack.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * A new database on the test JVM's PostgreSQL that a test migrates step by step, to put rows in the
 * shape an older version left and check what a later migration makes of them.
 */
public final class MigrationDatabase {

  private final String name;
  private final String url;

  private MigrationDatabase(String name) {
    this.name = name;
    this.url = PostgresResource.database(name);
  }

  /** An empty database of its own, named after the test. */
  public static MigrationDatabase create(String prefix) {
    return new MigrationDatabase(prefix + "_" + UUID.randomUUID().toString().replace("-", ""));
  }

  /** Applies the service's migrations ({@code db/migration}) up to and including a version. */
  public void migrateTo(String version) {
    Flyway.configure()
        .dataSource(url, name, name)
        .locations("classpath:db/migration")
        .target(version)
        .load()
        .migrate();
  }

  /**
   * What an operator loads from Keycloak's user export before upgrading (docs/identity.md): a user
   * name and the user's id, which the identity migrations (issue 21 item 3) re-key rows to.
   */
  public void mapUsername(String username, String subject) throws SQLException {
    try (Connection c = connect();
        PreparedStatement insert =
            c.prepareStatement("insert into identity_username_subject values (?, ?)")) {
      c.createStatement()
          .execute(
              "create table if not exists identity_username_subject"
                  + " (username varchar(200) primary key, subject varchar(200) not null)");
      insert.setString(1, username);
      insert.setString(2, subject);
      insert.executeUpdate();
    }
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url, name, name);
  }
}
