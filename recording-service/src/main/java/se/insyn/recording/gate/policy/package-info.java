/**
 * Recording policies and their versions: draft, approval, activation and the rules that say whether
 * a call is in scope and how long it is kept (R1, R9, R71). The gate's decision reads the active
 * version; the vault reads a version's purpose for access reasons.
 */
package se.insyn.recording.gate.policy;
