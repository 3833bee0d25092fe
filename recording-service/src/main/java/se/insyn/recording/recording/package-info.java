/**
 * The recording lifecycle, the house's lower floor: a permitted recording ({@code Recording}), its
 * states from PERMIT to stop, transfer (R27), stop, metadata listing (R50, R51) and the per-consent
 * locks a PERMIT and a withdrawal share. Every feature in {@code gate} and {@code vault} depends on
 * this package; it depends on none of them. Where the lifecycle needs a feature's answer it
 * declares an interface here ({@link se.insyn.recording.recording.service.TransferScope}) that the
 * feature implements.
 */
package se.insyn.recording.recording;
