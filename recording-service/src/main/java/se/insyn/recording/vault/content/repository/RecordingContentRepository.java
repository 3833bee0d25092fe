package se.insyn.recording.vault.content.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import se.insyn.recording.recording.repository.Recording;

/**
 * The vault's questions about content across {@code content_key} and the content columns of {@code
 * recording}: keys and seals to renew after a KEK rotation, and uploads that died with their
 * instance.
 */
@ApplicationScoped
public class RecordingContentRepository {

  private final EntityManager em;

  RecordingContentRepository(EntityManager em) {
    this.em = em;
  }

  /** Data keys and seals made under another KEK than {@code kekId}. */
  public long countNotUnder(String kekId) {
    return ((Number)
            em.createNativeQuery(
                    "select (select count(*) from content_key where kek_id <> :k)"
                        + " + (select count(*) from recording where content_seal"
                        + " is not null and seal_kek_id <> :k)")
                .setParameter("k", kekId)
                .getSingleResult())
        .longValue();
  }

  /** The next data keys after {@code after} wrapped by another KEK, locked; others skip them. */
  public List<UUID> claimKeysNotUnder(String kekId, UUID after, int batch) {
    return claim(
        """
        select content_id from content_key
         where kek_id <> :current and content_id > :after
         order by content_id limit :batch
         for update skip locked
        """,
        kekId,
        after,
        batch);
  }

  /** The next recordings after {@code after} sealed under another KEK, locked; others skip them. */
  public List<UUID> claimSealsNotUnder(String kekId, UUID after, int batch) {
    return claim(
        """
        select id from recording
         where content_seal is not null and seal_kek_id <> :current and id > :after
         order by id limit :batch
         for update skip locked
        """,
        kekId,
        after,
        batch);
  }

  @SuppressWarnings("unchecked")
  private List<UUID> claim(String sql, String kekId, UUID after, int batch) {
    return em.createNativeQuery(sql, UUID.class)
        .setParameter("current", kekId)
        .setParameter("after", after)
        .setParameter("batch", batch)
        .getResultList();
  }

  /** Recordings still UPLOADING since before {@code before}, at most {@code limit}. */
  @SuppressWarnings("unchecked")
  public List<UUID> uploadingSince(Instant before, int limit) {
    return em.createNativeQuery(
            """
            select id from recording
             where content_state = 'UPLOADING'
               and coalesce(upload_started_at, created_at) < :before
             order by upload_started_at limit :limit
            """,
            UUID.class)
        .setParameter("before", Timestamp.from(before))
        .setParameter("limit", limit)
        .getResultList();
  }

  /** The recording, locked, if it is still UPLOADING since before {@code before} and not locked. */
  @SuppressWarnings("unchecked")
  public Optional<Recording> lockUploadingSince(UUID id, Instant before) {
    List<Recording> locked =
        em.createNativeQuery(
                """
                select * from recording
                 where id = :id and content_state = 'UPLOADING'
                   and coalesce(upload_started_at, created_at) < :before
                 for update skip locked
                """,
                Recording.class)
            .setParameter("id", id)
            .setParameter("before", Timestamp.from(before))
            .getResultList();
    return locked.stream().findFirst();
  }
}
