-- The transactional outbox of audit events (shared by every emitting service; see audit-outbox/).
-- Rows are written in the same transaction as the change they describe and drained to the
-- audit-service by the relay. `position` is the local write order; `source_sequence` is the
-- gap-free per-source number the relay assigns when it delivers (R60).
create table outbox_event (
    position        bigserial    primary key,
    id              uuid         not null unique,
    type            varchar(100) not null,
    subject         varchar(300) not null,
    occurred_at     timestamptz  not null,
    payload         jsonb        not null,
    source_sequence bigint       unique,
    delivered_at    timestamptz
);

create index outbox_event_undelivered on outbox_event (position) where delivered_at is null;
