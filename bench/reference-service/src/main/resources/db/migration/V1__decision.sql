-- One row per answered question: the reference endpoint's only write.
create table decision (
    id         uuid         primary key,
    channel_id uuid,
    call_id    varchar(200),
    decided_at timestamptz  not null
);
