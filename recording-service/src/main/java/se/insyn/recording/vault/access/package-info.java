/**
 * Access to content (R50, R51): reason codes, second approvals for secrecy-classed lines, playback
 * and the access record every listen leaves.
 */
package se.insyn.recording.vault.access;
