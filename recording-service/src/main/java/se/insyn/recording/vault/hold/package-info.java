/**
 * Legal holds (R46). They live in the vault because what a hold does is keep content from disposal:
 * its readers are {@code vault.disposal} and {@code vault.discovery}, and the gate never asks about
 * holds. The coming cases ({@code cases}) will place holds through this package, not the other way
 * round.
 */
package se.insyn.recording.vault.hold;
