package se.insyn.audit.log.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import se.insyn.audit.log.merkle.NodeKey;
import se.insyn.audit.log.merkle.Tiles;

/**
 * The log's tables. Plain JDBC on the transaction's connection: appends are batched inserts and
 * node reads are one array-keyed query, which an ORM would turn into a statement per row.
 */
@ApplicationScoped
public class LogRepository {

  private final DataSource dataSource;

  LogRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Locks the single head row until the transaction ends: appends run one at a time. */
  public LogHead lockHead() {
    return query(
        "select tree_size, pruned_below from log_head where id = 1 for update",
        s -> {},
        rs -> new LogHead(rs.getLong(1), rs.getLong(2)));
  }

  /**
   * Takes the transaction-scoped advisory lock that keeps a whole-log verification to one replica
   * at a time; false when another replica holds it.
   */
  public boolean tryVerificationLock() {
    return query(
        "select pg_try_advisory_xact_lock(hashtext('insyn.audit.verify'))",
        s -> {},
        rs -> rs.getBoolean(1));
  }

  public LogHead head() {
    return query(
        "select tree_size, pruned_below from log_head where id = 1",
        s -> {},
        rs -> new LogHead(rs.getLong(1), rs.getLong(2)));
  }

  /** The head with the tree edge stored beside it (null when none is stored). */
  public record HeadWithEdge(LogHead head, byte[] edge) {}

  public HeadWithEdge headWithEdge() {
    return query(
        "select tree_size, pruned_below, edge from log_head where id = 1",
        s -> {},
        rs -> new HeadWithEdge(new LogHead(rs.getLong(1), rs.getLong(2)), rs.getBytes(3)));
  }

  public void updateHead(LogHead head) {
    update(
        "update log_head set tree_size = ?, pruned_below = ? where id = 1",
        s -> {
          s.setLong(1, head.treeSize());
          s.setLong(2, head.prunedBelow());
        });
  }

  /**
   * What an append builds on: the locked head, its stored edge (null when absent), and which of the
   * given ids and "source#sequence" pairs are already taken.
   */
  public record AppendBase(
      LogHead head, byte[] edge, Set<UUID> storedIds, Set<String> takenSequences) {}

  /**
   * Locks the head row until the transaction ends and reads what an append builds on, for rows that
   * are taken to be new: no ids or sequence numbers are looked up (the sets are empty), {@link
   * #writeAppend} finds out if one is stored.
   */
  public AppendBase lockHeadForNew() {
    return query(
        "select tree_size, pruned_below, edge from log_head where id = 1 for update",
        s -> {},
        rs ->
            new AppendBase(
                new LogHead(rs.getLong(1), rs.getLong(2)),
                rs.getBytes(3),
                new HashSet<>(),
                new HashSet<>()));
  }

  /**
   * An append's event has an id, or a {@code (source, sequence)} pair, that the log holds already;
   * the statement failed and the transaction must roll back.
   */
  public static final class AlreadyStored extends RuntimeException {

    public AlreadyStored(String constraint, Throwable cause) {
      super("An appended event is in the log already (" + constraint + ")", cause);
    }
  }

  /**
   * Locks the head row until the transaction ends and reads what an append needs, in one round
   * trip. The look-ups run in the statement's snapshot, which may predate the lock when it had to
   * be waited for; then (the head changed meanwhile) they are repeated now that the lock is held.
   */
  public AppendBase lockHeadFor(Collection<UUID> ids, List<String> sources, List<Long> sequences) {
    AppendBase[] base = new AppendBase[1];
    boolean[] current = new boolean[1];
    run(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "with locked as (select tree_size, pruned_below, edge from log_head"
                      + " where id = 1 for update)"
                      + " select l.tree_size, l.pruned_below, l.edge,"
                      + " l.tree_size = s.tree_size and l.pruned_below = s.pruned_below,"
                      + " array(select id from audit_event where id = any(?)),"
                      + " array(select e.source || '#' || e.sequence from audit_event e"
                      + " join unnest(?::varchar[], ?::bigint[]) as k(source, sequence)"
                      + " on e.source = k.source and e.sequence = k.sequence)"
                      + " from locked l cross join log_head s where s.id = 1")) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            s.setArray(2, c.createArrayOf("varchar", sources.toArray()));
            s.setArray(3, c.createArrayOf("bigint", sequences.toArray()));
            try (ResultSet rs = s.executeQuery()) {
              rs.next();
              Set<UUID> stored = new HashSet<>();
              for (Object id : (Object[]) rs.getArray(5).getArray()) {
                stored.add((UUID) id);
              }
              Set<String> taken = new HashSet<>();
              for (Object pair : (Object[]) rs.getArray(6).getArray()) {
                taken.add((String) pair);
              }
              current[0] = rs.getBoolean(4);
              base[0] =
                  new AppendBase(
                      new LogHead(rs.getLong(1), rs.getLong(2)), rs.getBytes(3), stored, taken);
            }
          }
        });
    if (current[0]) {
      return base[0];
    }
    return new AppendBase(
        base[0].head(),
        base[0].edge(),
        existingIds(ids),
        sequences.isEmpty() ? new HashSet<>() : takenSequences(sources, sequences));
  }

  /**
   * Writes an append in one statement (one round trip while the head lock is held): the events from
   * {@code firstIndex} on, the newly completed subtree hashes, the new head with its edge, and the
   * signed checkpoint of the new tree.
   */
  public void writeAppend(
      long firstIndex,
      List<LeafRow> rows,
      List<byte[]> leafHashes,
      Map<NodeKey, byte[]> nodes,
      LogHead head,
      byte[] edge,
      CheckpointRow checkpoint) {
    int n = rows.size();
    Long[] indices = new Long[n];
    UUID[] ids = new UUID[n];
    String[] sources = new String[n];
    Long[] sequences = new Long[n];
    String[] types = new String[n];
    String[] times = new String[n];
    String[] actors = new String[n];
    String[] subjects = new String[n];
    String[] purposes = new String[n];
    String[] traces = new String[n];
    String[] inputs = new String[n];
    for (int i = 0; i < n; i++) {
      LeafRow row = rows.get(i);
      indices[i] = firstIndex + i;
      ids[i] = row.id();
      sources[i] = row.source();
      sequences[i] = row.sequence();
      types[i] = row.type();
      times[i] = row.occurredAt().toString();
      actors[i] = row.actorSubject();
      subjects[i] = row.subject();
      purposes[i] = row.purpose();
      traces[i] = row.traceId();
      inputs[i] = row.leafInput();
    }
    Integer[] levels = nodes.keySet().stream().map(NodeKey::level).toArray(Integer[]::new);
    Long[] nodeIndices = nodes.keySet().stream().map(NodeKey::index).toArray(Long[]::new);
    byte[][] nodeHashes = nodes.values().toArray(byte[][]::new);
    run(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "with appended as (insert into audit_event (leaf_index, id, source, sequence,"
                      + " type, occurred_at, actor_subject, subject, purpose, trace_id,"
                      + " leaf_input, leaf_hash)"
                      + " select u.leaf_index, u.id, u.source, u.sequence, u.type,"
                      + " u.occurred_at::timestamptz, u.actor_subject, u.subject, u.purpose,"
                      + " u.trace_id, u.leaf_input, u.leaf_hash"
                      + " from unnest(?::bigint[], ?::uuid[], ?::varchar[], ?::bigint[],"
                      + " ?::varchar[], ?::text[], ?::varchar[], ?::varchar[], ?::varchar[],"
                      + " ?::varchar[], ?::text[], ?::bytea[]) as u(leaf_index, id, source,"
                      + " sequence, type, occurred_at, actor_subject, subject, purpose, trace_id,"
                      + " leaf_input, leaf_hash)),"
                      + " completed as (insert into merkle_node (level, idx, hash)"
                      + " select * from unnest(?::int[], ?::bigint[], ?::bytea[])"
                      + " on conflict (level, idx) do nothing),"
                      + " signed as (insert into checkpoint (tree_size, root_hash, signed_at,"
                      + " key_id, signature) values (?, ?, ?, ?, ?)"
                      + " on conflict (tree_size) do nothing)"
                      + " update log_head set tree_size = ?, pruned_below = ?, edge = ?"
                      + " where id = 1")) {
            int p = 1;
            s.setArray(p++, c.createArrayOf("bigint", indices));
            s.setArray(p++, c.createArrayOf("uuid", ids));
            s.setArray(p++, c.createArrayOf("varchar", sources));
            s.setArray(p++, c.createArrayOf("bigint", sequences));
            s.setArray(p++, c.createArrayOf("varchar", types));
            s.setArray(p++, c.createArrayOf("text", times));
            s.setArray(p++, c.createArrayOf("varchar", actors));
            s.setArray(p++, c.createArrayOf("varchar", subjects));
            s.setArray(p++, c.createArrayOf("varchar", purposes));
            s.setArray(p++, c.createArrayOf("varchar", traces));
            s.setArray(p++, c.createArrayOf("text", inputs));
            s.setArray(p++, c.createArrayOf("bytea", leafHashes.toArray(byte[][]::new)));
            s.setArray(p++, c.createArrayOf("integer", levels));
            s.setArray(p++, c.createArrayOf("bigint", nodeIndices));
            s.setArray(p++, c.createArrayOf("bytea", nodeHashes));
            s.setLong(p++, checkpoint.treeSize());
            s.setBytes(p++, checkpoint.rootHash());
            s.setTimestamp(p++, Timestamp.from(checkpoint.signedAt()));
            s.setString(p++, checkpoint.keyId());
            s.setBytes(p++, checkpoint.signature());
            s.setLong(p++, head.treeSize());
            s.setLong(p++, head.prunedBelow());
            s.setBytes(p, edge);
            try {
              s.executeUpdate();
            } catch (PSQLException e) {
              String constraint = violatedUniqueConstraint(e);
              if (constraint != null && ALREADY_STORED.contains(constraint)) {
                throw new AlreadyStored(constraint, e);
              }
              throw e;
            }
          }
        });
  }

  /** The unique constraints whose violation by an append means "stored already". */
  private static final Set<String> ALREADY_STORED =
      Set.of("audit_event_id_key", "audit_event_source_sequence");

  private static String violatedUniqueConstraint(PSQLException e) {
    ServerErrorMessage message = e.getServerErrorMessage();
    return "23505".equals(e.getSQLState()) && message != null ? message.getConstraint() : null;
  }

  /** The ids among the given ones that are already in the log. */
  public Set<UUID> existingIds(Collection<UUID> ids) {
    Set<UUID> found = new HashSet<>();
    run(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement("select id from audit_event where id = any(?)")) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                found.add(rs.getObject(1, UUID.class));
              }
            }
          }
        });
    return found;
  }

  /** The "source#sequence" pairs among the given ones that are already taken. */
  public Set<String> takenSequences(List<String> sources, List<Long> sequences) {
    Set<String> found = new HashSet<>();
    run(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "select e.source, e.sequence from audit_event e"
                      + " join unnest(?::varchar[], ?::bigint[]) as k(source, sequence)"
                      + " on e.source = k.source and e.sequence = k.sequence")) {
            s.setArray(1, c.createArrayOf("varchar", sources.toArray()));
            s.setArray(2, c.createArrayOf("bigint", sequences.toArray()));
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                found.add(rs.getString(1) + "#" + rs.getLong(2));
              }
            }
          }
        });
    return found;
  }

  /** The first leaf appended at or after the cutoff; {@code treeSize} when there is none. */
  public long firstLeafReceivedAtOrAfter(java.time.Instant cutoff, long treeSize) {
    return query(
        "select coalesce(min(leaf_index), ?) from audit_event where received_at >= ?",
        s -> {
          s.setLong(1, treeSize);
          s.setTimestamp(2, Timestamp.from(cutoff));
        },
        rs -> rs.getLong(1));
  }

  /**
   * The first leaf below {@code end} about a recording whose trail is still kept (R49): one not
   * disposed of, or disposed of at or after {@code disposedBefore}; {@code end} when there is none.
   */
  public long firstLeafOfRecordingsKept(java.time.Instant disposedBefore, long end) {
    return query(
        "select coalesce(min(e.leaf_index), ?) from audit_event e where e.leaf_index < ?"
            + " and e.subject like 'recording/%' and not exists (select 1 from audit_event d"
            + " where d.subject = e.subject and d.type = 'recording.disposed'"
            + " and d.occurred_at < ?)",
        s -> {
          s.setLong(1, end);
          s.setLong(2, end);
          s.setTimestamp(3, Timestamp.from(disposedBefore));
        },
        rs -> rs.getLong(1));
  }

  /** The leaf input of the newest stored event of the type and source, or null if none is. */
  public String newestLeafInput(String type, String source) {
    return query(
        "select (select leaf_input from audit_event where type = ? and source = ?"
            + " order by leaf_index desc limit 1)",
        s -> {
          s.setString(1, type);
          s.setString(2, source);
        },
        rs -> rs.getString(1));
  }

  public long maxSequence(String source) {
    return query(
        "select coalesce(max(sequence), 0) from audit_event where source = ?",
        s -> s.setString(1, source),
        rs -> rs.getLong(1));
  }

  public void insertNodes(Map<NodeKey, byte[]> nodes) {
    if (nodes.isEmpty()) {
      return;
    }
    run(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "insert into merkle_node (level, idx, hash) values (?, ?, ?)"
                      + " on conflict (level, idx) do nothing")) {
            for (Map.Entry<NodeKey, byte[]> node : nodes.entrySet()) {
              s.setInt(1, node.getKey().level());
              s.setLong(2, node.getKey().index());
              s.setBytes(3, node.getValue());
              s.addBatch();
            }
            s.executeBatch();
          }
        });
  }

  /**
   * The hashes of the given perfect subtrees, read or combined from the stored ones below them (see
   * {@link Tiles}); those that can be neither are absent.
   */
  public Map<NodeKey, byte[]> nodes(Collection<NodeKey> keys) {
    return Tiles.resolve(keys, this::storedNodes);
  }

  /** The stored hashes among the given perfect subtrees, as stored (missing ones absent). */
  public Map<NodeKey, byte[]> storedNodes(Collection<NodeKey> keys) {
    Map<NodeKey, byte[]> found = new HashMap<>();
    if (keys.isEmpty()) {
      return found;
    }
    List<Long> leaves = new ArrayList<>();
    List<Integer> levels = new ArrayList<>();
    List<Long> indices = new ArrayList<>();
    for (NodeKey key : keys) {
      if (key.level() == 0) {
        leaves.add(key.index());
      }
      levels.add(key.level());
      indices.add(key.index());
    }
    run(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "select n.level, n.idx, n.hash from merkle_node n"
                      + " join unnest(?::int[], ?::bigint[]) as k(level, idx)"
                      + " on n.level = k.level and n.idx = k.idx")) {
            s.setArray(1, c.createArrayOf("integer", levels.toArray()));
            s.setArray(2, c.createArrayOf("bigint", indices.toArray()));
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                found.put(new NodeKey(rs.getInt(1), rs.getLong(2)), rs.getBytes(3));
              }
            }
          }
          if (!leaves.isEmpty()) {
            try (PreparedStatement s =
                c.prepareStatement(
                    "select leaf_index, leaf_hash from audit_event where leaf_index = any(?)")) {
              s.setArray(1, c.createArrayOf("bigint", leaves.toArray()));
              try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                  found.put(new NodeKey(0, rs.getLong(1)), rs.getBytes(2));
                }
              }
            }
          }
        });
    return found;
  }

  /** Stored leaves [start, end) in index order: index, leaf input, stored leaf hash. */
  public void leaves(long start, long end, Consumer<StoredLeaf> each) {
    run(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "select leaf_index, leaf_input, leaf_hash, id, source, sequence, type,"
                      + " occurred_at, actor_subject, subject, purpose, trace_id from audit_event"
                      + " where leaf_index >= ? and leaf_index < ? order by leaf_index")) {
            s.setLong(1, start);
            s.setLong(2, end);
            s.setFetchSize(1000);
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                Long sequence = rs.getLong(6);
                if (rs.wasNull()) {
                  sequence = null;
                }
                each.accept(
                    new StoredLeaf(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getBytes(3),
                        new LeafRow(
                            null,
                            rs.getObject(4, UUID.class),
                            rs.getString(5),
                            sequence,
                            rs.getString(7),
                            rs.getTimestamp(8).toInstant(),
                            rs.getString(9),
                            rs.getString(10),
                            rs.getString(11),
                            rs.getString(12),
                            rs.getString(2))));
              }
            }
          }
        });
  }

  public Optional<CheckpointRow> latestCheckpoint() {
    List<CheckpointRow> rows =
        list(
            "select tree_size, root_hash, signed_at, key_id, signature from checkpoint"
                + " order by tree_size desc limit 1",
            s -> {});
    return rows.stream().findFirst();
  }

  public List<CheckpointRow> checkpoints() {
    return list(
        "select tree_size, root_hash, signed_at, key_id, signature from checkpoint"
            + " order by tree_size",
        s -> {});
  }

  /**
   * Deletes the events of leaves [0, end) and every node inside that range except the given ones,
   * which are what later proofs still need.
   */
  public void prune(long end, Map<NodeKey, byte[]> keep) {
    insertNodes(keep);
    run(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "delete from merkle_node n where ((n.idx + 1) << n.level) <= ?"
                      + " and not exists (select 1 from unnest(?::int[], ?::bigint[]) as k(level, idx)"
                      + " where k.level = n.level and k.idx = n.idx)")) {
            s.setLong(1, end);
            s.setArray(
                2,
                c.createArrayOf("integer", keep.keySet().stream().map(NodeKey::level).toArray()));
            s.setArray(
                3, c.createArrayOf("bigint", keep.keySet().stream().map(NodeKey::index).toArray()));
            s.executeUpdate();
          }
          try (PreparedStatement s =
              c.prepareStatement("delete from audit_event where leaf_index < ?")) {
            s.setLong(1, end);
            s.executeUpdate();
          }
        });
  }

  /** A stored leaf: its index, leaf input, stored hash and the query columns beside them. */
  public record StoredLeaf(long index, String leafInput, byte[] leafHash, LeafRow columns) {}

  private List<CheckpointRow> list(String sql, Binder binder) {
    List<CheckpointRow> rows = new ArrayList<>();
    run(
        c -> {
          try (PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                rows.add(
                    new CheckpointRow(
                        rs.getLong(1),
                        rs.getBytes(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getString(4),
                        rs.getBytes(5)));
              }
            }
          }
        });
    return rows;
  }

  private <T> T query(String sql, Binder binder, Mapper<T> mapper) {
    List<T> result = new ArrayList<>(1);
    run(
        c -> {
          try (PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            try (ResultSet rs = s.executeQuery()) {
              rs.next();
              result.add(mapper.map(rs));
            }
          }
        });
    return result.get(0);
  }

  private void update(String sql, Binder binder) {
    run(
        c -> {
          try (PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            s.executeUpdate();
          }
        });
  }

  private void run(Work work) {
    try (Connection c = dataSource.getConnection()) {
      work.run(c);
    } catch (SQLException e) {
      throw new IllegalStateException("Audit log storage failed", e);
    }
  }

  @FunctionalInterface
  private interface Work {
    void run(Connection c) throws SQLException;
  }

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement s) throws SQLException;
  }

  @FunctionalInterface
  private interface Mapper<T> {
    T map(ResultSet rs) throws SQLException;
  }
}
