package se.insyn.consent.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.insyn.devstack.test.MigrationDatabase;
import se.insyn.devstack.test.Tokens;

/**
 * V4 re-keys employees' choices from user name to sub (issue 21 item 3, docs/identity.md), on a
 * real PostgreSQL holding what V3 left.
 */
class EmployeesBySubMigrationTest {

  @Test
  void mappedNamesBecomeTheirSubAndEveryOtherNameIsMarkedSoItNeverMatchesASub()
      throws SQLException {
    String aliceId = Tokens.subjectOf("alice");
    String alreadyASub = Tokens.subjectOf("carl");
    MigrationDatabase database = MigrationDatabase.create("consent_v4");
    database.migrateTo("3");
    try (Connection c = database.connect();
        Statement s = c.createStatement()) {
      s.execute(
          "insert into purpose (code, title_sv, concerns_employees, concerns_citizens,"
              + " choice_model) values ('camera', 'Kamera', true, true, 'OPT_IN')");
      s.execute(
          "insert into notice (purpose_code, version, content, content_hash, requires_reconsent,"
              + " published_at, published_by) values ('camera', 1, '{}', 'h', false, now(), 'a')");
      consent(s, 1, "EMPLOYEE", "alice");
      consent(s, 2, "EMPLOYEE", "bob");
      consent(s, 3, "EMPLOYEE", alreadyASub);
      consent(s, 4, "PHONE", "bob");
    }
    database.mapUsername("alice", aliceId);

    database.migrateTo("4");

    try (Connection c = database.connect();
        Statement s = c.createStatement()) {
      assertEquals(aliceId, subjectRef(s, "EMPLOYEE", 0));
      assertEquals("legacy-username:bob", subjectRef(s, "EMPLOYEE", 1));
      assertEquals(alreadyASub, subjectRef(s, "EMPLOYEE", 2));
      assertEquals("bob", subjectRef(s, "PHONE", 0), "a phone number's pseudonym is no user name");
      try (ResultSet rs =
          s.executeQuery("select 1 from pg_tables where tablename = 'identity_username_subject'")) {
        assertFalse(rs.next(), "the mapping names people and is dropped once used");
      }
    }
  }

  /** A choice recorded {@code second} seconds from now, so that rows read back in that order. */
  private static void consent(Statement s, int second, String type, String subjectRef)
      throws SQLException {
    s.execute(
        "insert into consent (id, purpose_code, subject_type, subject_ref, choice, notice_version,"
            + " notice_hash, mechanism, recorded_at, recorded_by) values ('"
            + UUID.randomUUID()
            + "', 'camera', '"
            + type
            + "', '"
            + subjectRef
            + "', 'GIVEN', 1, 'h', 'UI', now() + interval '"
            + second
            + " second', 'x')");
  }

  private static String subjectRef(Statement s, String type, int index) throws SQLException {
    try (ResultSet rs =
        s.executeQuery(
            "select subject_ref from consent where subject_type = '"
                + type
                + "' order by recorded_at offset "
                + index
                + " limit 1")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
