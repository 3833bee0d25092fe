package se.insyn.audit.event.service;

/** Who is asking: the token's subject and the client it was issued to. */
public record Caller(String subject, String clientId) {}
