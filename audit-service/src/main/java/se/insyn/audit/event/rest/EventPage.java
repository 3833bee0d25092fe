package se.insyn.audit.event.rest;

import java.util.List;

/** One page of a query; {@code nextCursor} is absent on the last page. */
public record EventPage(List<EventDto> events, String nextCursor) {}
