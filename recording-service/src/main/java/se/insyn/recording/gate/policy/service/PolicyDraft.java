package se.insyn.recording.gate.policy.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.insyn.recording.gate.policy.repository.PolicyVersion;

/**
 * The content of a policy version. A draft may be incomplete; approval checks that everything the
 * law asks for is there (R4) and lists what is not.
 */
public record PolicyDraft(
    @Schema(examples = "Laholms kommun, kommunstyrelsen") @Size(max = 300) String controller,
    PolicyVersion.Purpose purpose,
    PolicyVersion.LegalBasis legalBasis,
    @Schema(examples = "Arbetsmiljölagen 3 kap. 2 §") @Size(max = 500) String legalReference,
    @Valid Scope scope,
    @Valid Consent consent,
    @Schema(examples = "ROPA-2026-014") @Size(max = 100) String ropaId,
    @Valid Dpia dpia,
    @Valid Disposal disposal,
    @Valid Notice notice,
    @Valid Employees employees,
    @Schema(description = "At most 12 months ahead (R71)", examples = "2027-06-30")
        LocalDate reviewDate) {

  /** Where and when the policy allows recording. */
  public record Scope(
      @Size(max = 200) Set<UUID> channelIds,
      PolicyVersion.Direction direction,
      @Size(max = 7) Set<DayOfWeek> weekdays,
      @Schema(
              type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
              examples = "08:00")
          LocalTime hoursFrom,
      @Schema(
              type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
              description = "Exclusive; 00:00 means the end of the day",
              examples = "17:00")
          LocalTime hoursTo,
      PolicyVersion.Mode mode) {}

  /** Whose choices the consent-service checks, and for which of its purpose codes. */
  public record Consent(
      PolicyVersion.ConsentParties parties,
      @Schema(examples = "call-recording-threats") @Size(max = 100) String purposeCode) {}

  /** A DPIA reference, or the screening criteria that show none is needed (R68). */
  public record Dpia(
      @Size(max = 200) String reference,
      @Schema(description = "R7: why on-demand recording or notes do not suffice") @Size(max = 2000)
          String alwaysReason,
      Boolean vulnerableSubjects,
      Boolean largeScale,
      Boolean newTechnology) {}

  /** The disposal decision (gallringsbeslut) the recordings fall under (R45). */
  public record Disposal(
      @Schema(examples = "Kommunstyrelsen") @Size(max = 300) String body,
      @Schema(examples = "KS 2026/112") @Size(max = 100) String registryNumber,
      LocalDate date,
      @Schema(examples = "Inspelat samtal, hot och våld") @Size(max = 200) String documentType,
      @Schema(description = "ISO-8601 period or duration, or PRESERVE", examples = "P90D")
          @Size(max = 40)
          String retention) {}

  /** The notice played before capture (R20-R22, R25). */
  public record Notice(
      @Schema(examples = "threat-notice-v3") @Size(max = 100) String version,
      @Schema(examples = "{\"sv\":\"Samtalet spelas in...\",\"en\":\"This call is recorded...\"}")
          Map<String, @Size(max = 4000) String> announcement) {}

  /** What the employees affected are owed (R6, R72). */
  public record Employees(
      Boolean affected,
      @Schema(examples = "MBL 11 § 2026-03-01, protokoll 7") @Size(max = 200) String mblReference,
      @Size(max = 2000) String safetyRepView,
      @Size(max = 2000) String exceptionalConsentJustification,
      @Size(max = 2000) String noDetrimentAlternative,
      @Schema(description = "The DPO who signed off exceptional employee consent") @Size(max = 200)
          String dpoSignOff) {}
}
