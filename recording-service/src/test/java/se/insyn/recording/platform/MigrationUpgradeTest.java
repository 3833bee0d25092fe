package se.insyn.recording.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import se.insyn.devstack.test.PostgresResource;

/**
 * An installed database upgrades: it has the shared outbox migration V1000 already, so a migration
 * the service adds later has a lower version and must be applied out of order, with the settings
 * the service really uses (its application.properties).
 */
class MigrationUpgradeTest {

  @Test
  void aDatabaseThatHasTheSharedV1000TakesTheServicesLaterMigrations() throws Exception {
    Properties app = new Properties();
    try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
      app.load(in);
    }
    String[] locations = app.getProperty("quarkus.flyway.locations").split(",");
    boolean outOfOrder = Boolean.parseBoolean(app.getProperty("quarkus.flyway.out-of-order"));

    Map<String, String> db = database();
    Flyway installed =
        Flyway.configure()
            .dataSource(db.get("url"), db.get("user"), db.get("password"))
            .locations("classpath:db/outbox")
            .load();
    installed.migrate();

    Flyway refused = configure(db, locations).outOfOrder(false).load();
    assertThrows(FlywayException.class, refused::migrate);

    Flyway upgrade = configure(db, locations).outOfOrder(outOfOrder).load();
    upgrade.migrate();
    assertEquals(0, upgrade.info().pending().length);
    assertEquals("1000", upgrade.info().current().getVersion().getVersion());
  }

  private static org.flywaydb.core.api.configuration.FluentConfiguration configure(
      Map<String, String> db, String[] locations) {
    String[] classpath = new String[locations.length];
    for (int i = 0; i < locations.length; i++) {
      classpath[i] = "classpath:" + locations[i].trim();
    }
    return Flyway.configure()
        .dataSource(db.get("url"), db.get("user"), db.get("password"))
        .locations(classpath);
  }

  private static Map<String, String> database() {
    PostgresResource pg = new PostgresResource();
    pg.init(Map.of("database", "upgrade_" + UUID.randomUUID().toString().substring(0, 8)));
    Map<String, String> config = pg.start();
    return Map.of(
        "url", config.get("quarkus.datasource.jdbc.url"),
        "user", config.get("quarkus.datasource.username"),
        "password", config.get("quarkus.datasource.password"));
  }
}
