/**
 * What a platform's channels are for (issue 21): the consent purposes that the active policies of
 * the channels a platform serves ask callers about. The consent-service asks, so that a platform
 * records a caller's keypad choice only for a purpose it can actually use (docs/adr/0009).
 */
package se.insyn.recording.gate.platformscope;
