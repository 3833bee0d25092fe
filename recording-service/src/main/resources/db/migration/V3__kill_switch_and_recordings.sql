-- Kill switch (R29): engaged for everything or listed channels; released by a second person.
create table kill_switch (
    id             uuid          primary key,
    all_channels   boolean       not null,
    reason         varchar(2000) not null,
    engaged_by     varchar(200)  not null,
    engaged_at     timestamptz   not null,
    released_by    varchar(200),
    released_at    timestamptz,
    release_reason varchar(2000)
);

create index kill_switch_engaged on kill_switch (released_at) where released_at is null;

create table kill_switch_channel (
    kill_switch_id uuid not null references kill_switch (id),
    channel_id     uuid not null,
    primary key (kill_switch_id, channel_id)
);

-- A permitted recording (R9, R20, R27). The caller's number is only kept as a keyed HMAC (R33).
create table recording (
    id                  uuid         primary key,
    channel_id          uuid         not null references channel (id),
    policy_version_id   uuid         not null references policy_version (id),
    policy_id           uuid         not null,
    policy_version      integer      not null,
    call_id             varchar(200) not null,
    direction           varchar(20)  not null,
    trigger             varchar(20)  not null,
    state               varchar(20)  not null check (state in ('PERMITTED', 'RECORDING', 'STOPPED')),
    caller_hmac         varchar(100),
    employee_subjects   jsonb        not null,
    notice_version      varchar(100),
    consent_decision_id varchar(100),
    delete_after        timestamptz,
    created_at          timestamptz  not null,
    started_at          timestamptz,
    stopped_at          timestamptz,
    stop_reason         varchar(40)
);

-- The kill switch stops what is in progress on a channel.
create index recording_in_progress on recording (channel_id) where state in ('PERMITTED', 'RECORDING');
