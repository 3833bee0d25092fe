/**
 * The keyed HMAC that stands in for phone numbers and subject ids wherever they are stored (R33).
 */
package se.insyn.recording.platform.pseudonym;
