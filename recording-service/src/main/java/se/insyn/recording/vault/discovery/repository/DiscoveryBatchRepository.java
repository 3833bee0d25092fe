package se.insyn.recording.vault.discovery.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class DiscoveryBatchRepository implements PanacheRepositoryBase<DiscoveryBatch, UUID> {}
