package se.insyn.recording.vault.content.rest;

import java.util.Map;

/** RFC 9457 problem for disposed content, carrying the disposal receipt (R44). */
public record GoneProblem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    Map<String, Object> receipt) {}
