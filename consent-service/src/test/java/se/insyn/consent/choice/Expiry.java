package se.insyn.consent.choice;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/**
 * Lets a recorded choice reach its expiry without waiting: the API accepts only future expiries, so
 * tests move one into the past in the database.
 */
public final class Expiry {

  private Expiry() {}

  public static void expire(String consentId) {
    EntityManager em = CDI.current().select(EntityManager.class).get();
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "update consent set expires_at = now() - interval '1 minute' where id = ?1")
                    .setParameter(1, UUID.fromString(consentId))
                    .executeUpdate());
  }
}
