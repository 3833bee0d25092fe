package se.insyn.recording.gate.policy.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class PolicyRepository implements PanacheRepositoryBase<Policy, UUID> {}
