/**
 * The kill switch (R29): engaged for channels, it denies new recordings and stops running ones
 * through the lifecycle's stopper.
 */
package se.insyn.recording.gate.killswitch;
