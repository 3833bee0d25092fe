/**
 * The client side of the consent-service seam: the typed REST client, the gateway that owns timeout
 * and fail-closed mapping for the decision, and the change feed the withdrawal follower reads.
 */
package se.insyn.recording.gate.consent;
