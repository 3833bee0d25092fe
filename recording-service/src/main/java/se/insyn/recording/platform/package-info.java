/**
 * Cross-cutting plumbing every room may use and that depends on no room: typed configuration
 * ({@code config}), OpenAPI examples ({@code openapi}) and the keyed pseudonymizer for phone
 * numbers and subjects ({@code pseudonym}, R33).
 */
package se.insyn.recording.platform;
