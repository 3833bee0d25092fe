package se.insyn.consent;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** R33: after a whole lifecycle for a caller, their number is nowhere in the database in clear. */
@QuarkusTest
class PhoneNumbersInClearTest {

  @Inject AgroalDataSource dataSource;

  @Test
  void noTableHoldsAPhoneNumberInClear() throws SQLException {
    String code = Fixtures.purpose("OPT_IN", "CITIZEN");
    Fixtures.publish(code, false);
    String phone = Fixtures.phoneNumber();
    String consentId = Fixtures.forPhone(phone, code, 1, "GIVEN");
    Fixtures.decide(code, "call-1", "phone", phone);
    given()
        .auth()
        .oauth2(Fixtures.recorder())
        .contentType(ContentType.JSON)
        .body(Map.of("interactionId", "call-2"))
        .when()
        .post("/api/v1/consents/{id}/withdraw", consentId)
        .then()
        .statusCode(200);
    Fixtures.decide(code, "call-3", "phone", phone);

    String digits = phone.substring(1);
    String national = "0" + phone.substring(3);
    try (Connection db = dataSource.getConnection()) {
      List<String> tables = tables(db);
      assertTrue(tables.containsAll(List.of("consent", "outbox_event", "notice")), "" + tables);
      // The scan itself must be able to see a row's content, or it proves nothing.
      assertTrue(rowsContaining(db, "consent", consentId) == 1, "the scan sees the consent row");
      List<String> found = new ArrayList<>();
      for (String table : tables) {
        for (String needle : List.of(digits, national)) {
          if (rowsContaining(db, table, needle) > 0) {
            found.add(table + " contains " + needle);
          }
        }
      }
      assertEquals(List.of(), found);
    }
  }

  private static List<String> tables(Connection db) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (PreparedStatement q =
            db.prepareStatement(
                "select table_name from information_schema.tables"
                    + " where table_schema = 'public' and table_type = 'BASE TABLE'");
        ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    return tables;
  }

  private static long rowsContaining(Connection db, String table, String needle)
      throws SQLException {
    try (PreparedStatement q =
        db.prepareStatement(
            "select count(*) from \"" + table + "\" t where t::text like '%' || ? || '%'")) {
      q.setString(1, needle);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
