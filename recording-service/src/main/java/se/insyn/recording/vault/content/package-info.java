/**
 * Recorded content: the encrypted upload pipeline (chunked AES-GCM under a per-recording key,
 * wrapped by a KEK), the seal over hash and metadata (R32), key rotation, recovery of uploads that
 * died with their instance, and the blob stores ({@code store}).
 */
package se.insyn.recording.vault.content;
