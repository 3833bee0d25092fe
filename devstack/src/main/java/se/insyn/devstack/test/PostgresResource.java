package se.insyn.devstack.test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import se.insyn.devstack.PostgresServer;

/**
 * Gives a {@code @QuarkusTest} a real PostgreSQL. One server per test JVM, kept across Quarkus
 * restarts (test profiles) and stopped when the JVM exits.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

  private static PostgresServer server;

  private String database = "insyn_test";

  @Override
  public void init(Map<String, String> initArgs) {
    database = initArgs.getOrDefault("database", database);
  }

  @Override
  public Map<String, String> start() {
    PostgresServer pg = server();
    String url = pg.createDatabase(database);
    return Map.of(
        "quarkus.datasource.jdbc.url", url,
        "quarkus.datasource.username", database,
        "quarkus.datasource.password", database);
  }

  /**
   * A new empty database on the same server, owned by a role of its name (password the same), for a
   * test that migrates a schema step by step itself.
   *
   * @return its JDBC URL
   */
  public static String database(String name) {
    return server().createDatabase(name);
  }

  static synchronized PostgresServer server() {
    if (server == null) {
      server = PostgresServer.start(0, null);
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-postgres"));
    }
    return server;
  }

  @Override
  public void stop() {
    // The server outlives one Quarkus start so that profile switches do not restart it.
  }
}
