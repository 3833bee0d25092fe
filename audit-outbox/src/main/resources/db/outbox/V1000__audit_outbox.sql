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

-- The last per-source sequence number handed out. Kept apart from the events so that pruning
-- delivered rows can never make a number be handed out twice.
create table outbox_sequence (
    singleton     boolean primary key default true check (singleton),
    last_assigned bigint  not null
);

insert into outbox_sequence (singleton, last_assigned) values (true, 0);
