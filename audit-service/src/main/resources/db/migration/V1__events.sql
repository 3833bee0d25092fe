-- The audit trail's events as received (R58, R59). Append-only: nothing updates or deletes rows.
create table audit_event (
    id          uuid         primary key,
    source      varchar(100) not null,
    sequence    bigint,
    type        varchar(100) not null,
    occurred_at timestamptz  not null,
    subject     varchar(300) not null,
    received_at timestamptz  not null default now(),
    body        jsonb        not null
);

create index audit_event_type_time on audit_event (type, occurred_at);
