package se.insyn.consent.notice.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One published version of a purpose's notice; never changed once written (a trigger enforces). */
@Entity
@Immutable
@Table(name = "notice")
public class Notice {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "purpose_code", nullable = false)
  public String purposeCode;

  @Column(nullable = false)
  public int version;

  /** The canonical form the hash was computed over, exactly as hashed. */
  @Column(nullable = false)
  public String content;

  /** SHA-256 of {@link #content} as UTF-8, lower-case hex. */
  @Column(name = "content_hash", nullable = false)
  public String contentHash;

  @Column(name = "requires_reconsent", nullable = false)
  public boolean requiresReconsent;

  @Column(name = "published_at", nullable = false)
  public Instant publishedAt;

  @Column(name = "published_by", nullable = false)
  public String publishedBy;
}
