/**
 * Reserved for the cases of issue 24: rights requests (R47, R54–R57), incidents with their 72-hour
 * clock (R64–R67), document requests under the principle of public access (R52) and the records of
 * processing. Cases will sit above the lifecycle and the vault: they read recordings and the audit
 * trail and place legal holds through {@code vault.hold}; nothing below depends on them. Empty
 * until the first case lands.
 */
package se.insyn.recording.cases;
