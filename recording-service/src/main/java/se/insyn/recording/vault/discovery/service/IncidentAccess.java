package se.insyn.recording.vault.discovery.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an incident handler opens a quarantined recording: the incident case it serves. */
public record IncidentAccess(@NotBlank @Size(max = 200) String caseRef) {}
