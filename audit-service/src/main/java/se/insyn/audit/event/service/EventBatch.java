package se.insyn.audit.event.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What {@code POST /api/v1/events} accepts: 1 to 1000 events, stored all or none. Ingest checks the
 * constraints with {@link EventRules}.
 */
public record EventBatch(
    @NotNull @Size(min = MIN_EVENTS, max = MAX_EVENTS) List<@NotNull @Valid EventInput> events) {

  static final int MIN_EVENTS = 1;
  static final int MAX_EVENTS = 1000;
}
