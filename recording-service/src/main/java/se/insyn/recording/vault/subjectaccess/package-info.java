/**
 * Subject access (R54–R56): what the vault holds about one caller or employee, with who accessed
 * it, and the copy handed out.
 */
package se.insyn.recording.vault.subjectaccess;
