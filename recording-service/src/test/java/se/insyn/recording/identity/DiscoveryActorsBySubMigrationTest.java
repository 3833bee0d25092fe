package se.insyn.recording.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.insyn.devstack.test.MigrationDatabase;

/**
 * V9 re-keys the people named by discovery batches and decisions from user name to sub (issue 21
 * item 3, docs/identity.md), on a real PostgreSQL holding what V8 left.
 */
class DiscoveryActorsBySubMigrationTest {

  private static final String DPO_ID = "0b6f2f8e-3c1d-4d5e-9f0a-1b2c3d4e5f60";
  private static final String ALREADY_A_SUB = "7d1e0c3a-5b2f-4e6d-8a9b-0c1d2e3f4a5b";

  @Test
  void mappedNamesBecomeTheirSubAndEveryOtherNameIsMarkedSoItIsNeverTakenForASub()
      throws SQLException {
    MigrationDatabase database = MigrationDatabase.create("recording_v9");
    database.migrateTo("8");
    UUID mapped = UUID.randomUUID();
    UUID unmapped = UUID.randomUUID();
    UUID bySub = UUID.randomUUID();
    try (Connection c = database.connect();
        Statement s = c.createStatement()) {
      batch(s, mapped, "dpo-anna");
      batch(s, unmapped, "service-account-old-pbx");
      batch(s, bySub, ALREADY_A_SUB);
      discovered(s, mapped, "'dpo-anna'");
      discovered(s, unmapped, "'dpo-bert'");
      discovered(s, bySub, "null");
    }
    database.mapUsername("dpo-anna", DPO_ID);

    database.migrateTo("9");

    try (Connection c = database.connect();
        Statement s = c.createStatement()) {
      assertEquals(DPO_ID, value(s, "registered_by", "discovery_batch", "id", mapped));
      assertEquals(
          "legacy-username:service-account-old-pbx",
          value(s, "registered_by", "discovery_batch", "id", unmapped));
      assertEquals(ALREADY_A_SUB, value(s, "registered_by", "discovery_batch", "id", bySub));
      assertEquals(DPO_ID, value(s, "decided_by", "discovered_recording", "batch_id", mapped));
      assertEquals(
          "legacy-username:dpo-bert",
          value(s, "decided_by", "discovered_recording", "batch_id", unmapped));
      assertNull(value(s, "decided_by", "discovered_recording", "batch_id", bySub));
    }
  }

  private static void batch(Statement s, UUID id, String registeredBy) throws SQLException {
    s.execute(
        "insert into discovery_batch (id, platform, found_at, registered_by, registered_at,"
            + " quarantined) values ('"
            + id
            + "', 'pbx', now(), '"
            + registeredBy
            + "', now(), 1)");
  }

  private static void discovered(Statement s, UUID batch, String decidedBy) throws SQLException {
    s.execute(
        "insert into discovered_recording (id, batch_id, platform, external_id, recorded_at,"
            + " duration_seconds, found_at, status, decided_by) values ('"
            + UUID.randomUUID()
            + "', '"
            + batch
            + "', 'pbx', '"
            + UUID.randomUUID()
            + "', now(), 60, now(), 'QUARANTINED', "
            + decidedBy
            + ")");
  }

  private static String value(Statement s, String column, String table, String key, UUID id)
      throws SQLException {
    try (ResultSet rs =
        s.executeQuery(
            "select " + column + " from " + table + " where " + key + " = '" + id + "'")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
