package se.insyn.recording.vault.content.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A content's data key, wrapped by the KEK named {@code kekId}. Deleting it crypto-shreds. */
@Entity
@Table(name = "content_key")
public class ContentKey {

  @Id
  @Column(name = "content_id")
  public UUID contentId;

  @Column(name = "kek_id", nullable = false)
  public String kekId;

  @Column(name = "wrapped_key", nullable = false)
  public byte[] wrappedKey;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}
