/**
 * The decision itself: "may I record?" as one endpoint, answered by evaluating channel, kill switch
 * and policy, then asking the consent-service ({@code gate.consent}), then writing the PERMIT as a
 * new {@code Recording} or the DENY, each with its audit event. Also answers the lifecycle's {@code
 * TransferScope} (R27).
 */
package se.insyn.recording.gate.decision;
