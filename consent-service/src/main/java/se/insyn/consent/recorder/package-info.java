/**
 * What a recorder (a phone system or meeting platform) may do here (issue 21): record callers'
 * choices only for the purposes its own channels use, as the recording-service says.
 */
package se.insyn.consent.recorder;
