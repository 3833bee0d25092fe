/**
 * The gate: the 300 ms "may I record?" seam the phone system and meeting platforms call (R1, R2,
 * R29, R38). Its features decide whether a recording may begin or go on; they depend on {@code
 * recording} and {@code platform}, never on {@code vault}.
 */
package se.insyn.recording.gate;
