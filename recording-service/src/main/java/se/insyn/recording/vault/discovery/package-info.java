/**
 * Recordings found outside the suite (R30, R48): registered, encrypted into the vault through the
 * same pipeline as recordings, quarantined and decided on by the DPO.
 */
package se.insyn.recording.vault.discovery;
