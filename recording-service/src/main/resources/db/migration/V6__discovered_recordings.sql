-- Shadow recordings (issue 6 item 6): recordings found on a platform's own store. Those that match
-- no PERMIT decision are quarantined until the DPO decides; they are never disposed of by the job.
create table discovery_batch (
    id            uuid          primary key,
    platform      varchar(100)  not null,
    found_at      timestamptz   not null,
    registered_by varchar(200)  not null,
    registered_at timestamptz   not null,
    quarantined   integer       not null
);

create table discovered_recording (
    id                     uuid          primary key,
    batch_id               uuid          not null references discovery_batch (id),
    platform               varchar(100)  not null,
    external_id            varchar(200)  not null,
    channel_id             uuid,
    address                varchar(100),
    call_id                varchar(200),
    recorded_at            timestamptz   not null,
    duration_seconds       integer       not null check (duration_seconds >= 0),
    caller_hmac            varchar(100),
    found_at               timestamptz   not null,
    status                 varchar(20)   not null
        check (status in ('MATCHED', 'QUARANTINED', 'KEPT_AS_EVIDENCE', 'DISPOSED')),
    matched_recording_id   uuid,
    content_state          varchar(20)   check (content_state in ('UPLOADING', 'SEALED')),
    content_type           varchar(100),
    content_size           bigint,
    content_hash           varchar(64),
    decision               varchar(20)   check (decision in ('DISPOSE', 'KEEP_AS_EVIDENCE')),
    decision_ref           varchar(200),
    hold_id                uuid          references legal_hold (id),
    rationale              varchar(2000),
    decided_by             varchar(200),
    decided_at             timestamptz,
    disposal_receipt       jsonb,
    unique (platform, external_id)
);

create index discovered_recording_by_status on discovered_recording (status, found_at);

-- Matching a discovered recording to the PERMIT that made it: the same call on the same channel.
create index recording_by_channel_call on recording (channel_id, call_id);
