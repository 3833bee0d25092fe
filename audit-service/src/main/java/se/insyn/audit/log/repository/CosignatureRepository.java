package se.insyn.audit.log.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Witness cosignature lines, one (the newest) per tree size and witness. */
@ApplicationScoped
public class CosignatureRepository {

  private final DataSource dataSource;

  CosignatureRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Stores the line, replacing an older cosignature of the same witness for the same size. */
  public void store(long treeSize, String keyName, String line, Instant cosignedAt) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "insert into checkpoint_cosignature (tree_size, key_name, line, cosigned_at)"
                    + " values (?, ?, ?, ?) on conflict (tree_size, key_name) do update"
                    + " set line = excluded.line, cosigned_at = excluded.cosigned_at"
                    + " where checkpoint_cosignature.cosigned_at <= excluded.cosigned_at")) {
      s.setLong(1, treeSize);
      s.setString(2, keyName);
      s.setString(3, line);
      s.setTimestamp(4, Timestamp.from(cosignedAt));
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot store a cosignature", e);
    }
  }

  /** The cosignature lines of a tree size, by witness name. */
  public List<String> lines(long treeSize) {
    List<String> lines = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select line from checkpoint_cosignature where tree_size = ? order by key_name")) {
      s.setLong(1, treeSize);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          lines.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read cosignatures", e);
    }
    return lines;
  }
}
