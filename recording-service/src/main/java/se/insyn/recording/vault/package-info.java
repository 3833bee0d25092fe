/**
 * The vault: the key-holding store of recorded content and everything that reads or destroys it
 * (R31, R32, R44–R56). Its features depend on {@code recording} and may read gate facts (channels,
 * policy purposes); the gate never depends on the vault.
 */
package se.insyn.recording.vault;
