package se.insyn.audit.event.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What {@code POST /api/v1/events} accepts: 1 to 1000 events, stored all or none. */
public record EventBatch(
    @NotNull @Size(min = 1, max = 1000) List<@NotNull @Valid EventInput> events) {}
