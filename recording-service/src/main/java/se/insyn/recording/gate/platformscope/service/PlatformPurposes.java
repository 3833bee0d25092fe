package se.insyn.recording.gate.platformscope.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import se.insyn.recording.gate.policy.repository.PolicyVersion;
import se.insyn.recording.gate.policy.repository.PolicyVersionRepository;
import se.insyn.recording.platform.config.RecordingConfig;

/**
 * The consent purposes a platform may record callers' choices for: those of the policies in force
 * (active and not past their review date, R71) that cover one of its channels and ask the caller.
 */
@ApplicationScoped
public class PlatformPurposes {

  private final PolicyVersionRepository policies;
  private final RecordingConfig config;

  PlatformPurposes(PolicyVersionRepository policies, RecordingConfig config) {
    this.policies = policies;
    this.config = config;
  }

  /** Sorted, without duplicates; empty for a platform that serves no channel. */
  @Transactional
  public List<String> of(String platform) {
    LocalDate today = LocalDate.now(Clock.system(config.scopeZone()));
    return policies.listActiveForPlatform(platform).stream()
        .filter(v -> v.effectiveStatus(today) == PolicyVersion.Status.ACTIVE)
        .filter(v -> v.consentParties.caller() && v.consentPurpose != null)
        .map(v -> v.consentPurpose)
        .distinct()
        .sorted()
        .toList();
  }
}
