/**
 * Follows the consent-service's change feed and stops running recordings whose consent was
 * withdrawn (issue 7), using the lifecycle's consent locks so a concurrent PERMIT cannot miss it.
 */
package se.insyn.recording.gate.withdrawal;
