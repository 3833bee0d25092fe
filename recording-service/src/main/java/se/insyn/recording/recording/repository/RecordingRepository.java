package se.insyn.recording.recording.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RecordingRepository implements PanacheRepositoryBase<Recording, UUID> {

  private static final List<Recording.State> IN_PROGRESS =
      List.of(Recording.State.PERMITTED, Recording.State.RECORDING);

  public List<Recording> listInProgress() {
    return list("state in ?1", IN_PROGRESS);
  }

  /**
   * Recordings in progress on the lines: made there, or transferred there and still recording
   * (issue 20 item 1: a transfer keeps the recording on its own line).
   */
  public List<Recording> listInProgressOn(Collection<UUID> channelIds) {
    return list(
        "from Recording r where r.state in ?1 and (r.channelId in ?2 or exists (select s.id from"
            + " TransferSegment s where s.recordingId = r.id and s.inScope = true"
            + " and s.targetChannelId in ?2))",
        IN_PROGRESS,
        channelIds);
  }

  /** Recordings in progress whose PERMIT relied on the consent, locked. */
  @SuppressWarnings("unchecked")
  public List<Recording> lockInProgressRelyingOn(String consentId) {
    return getEntityManager()
        .createNativeQuery(
            """
            select * from recording
             where state in ('PERMITTED', 'RECORDING')
               and consent_ids @> jsonb_build_array(cast(:consentId as text))
             for update
            """,
            Recording.class)
        .setParameter("consentId", consentId)
        .getResultList();
  }

  /** The recordings of a caller, by the pseudonym of their number (R33), oldest first. */
  public List<Recording> listByCaller(String callerHmac, Instant from, Instant to) {
    return listOfSubject("r.caller_hmac = :subject", callerHmac, from, to);
  }

  /** The recordings an employee took part in, oldest first. */
  public List<Recording> listByEmployee(String employeeId, Instant from, Instant to) {
    return listOfSubject("jsonb_exists(r.employee_subjects, :subject)", employeeId, from, to);
  }

  private List<Recording> listOfSubject(
      String subjectIs, String subject, Instant from, Instant to) {
    String sql =
        "select * from recording r where "
            + subjectIs
            + (from != null ? " and r.created_at >= :from" : "")
            + (to != null ? " and r.created_at < :to" : "")
            + " order by r.created_at";
    var query =
        getEntityManager().createNativeQuery(sql, Recording.class).setParameter("subject", subject);
    if (from != null) {
      query.setParameter("from", Timestamp.from(from));
    }
    if (to != null) {
      query.setParameter("to", Timestamp.from(to));
    }
    @SuppressWarnings("unchecked")
    List<Recording> result = query.getResultList();
    return result;
  }
}
