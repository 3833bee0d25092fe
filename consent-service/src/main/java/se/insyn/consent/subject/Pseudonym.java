package se.insyn.consent.subject;

/**
 * The stored identity of a subject: an employee's token subject as is, or the keyed HMAC of a phone
 * number. This is what tables and audit events hold; a phone number in clear never gets this far.
 */
public record Pseudonym(SubjectType type, String ref) {}
