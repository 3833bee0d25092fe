-- Which consents a recording relied on (consent ids from the consent-service's decision), so that a
-- withdrawal can later stop the recordings it concerns.
alter table recording add column consent_ids jsonb not null default '[]';

-- Content (R31, R32): encrypted bytes in the blob store, a hash of the plaintext bound to the
-- metadata by a seal. Disposal (R44) moves through KEY_DESTROYED to DISPOSED so that a crash
-- between the steps is finished by the next run.
alter table recording add column content_state varchar(20)
    check (content_state in ('UPLOADING', 'SEALED'));
alter table recording add column content_type varchar(100);
alter table recording add column content_size bigint;
alter table recording add column content_hash varchar(64);
alter table recording add column content_seal varchar(64);
alter table recording add column sealed_at timestamptz;
alter table recording add column disposal_stage varchar(20)
    check (disposal_stage in ('KEY_DESTROYED', 'DISPOSED'));
alter table recording add column disposed_at timestamptz;
alter table recording add column disposal_receipt jsonb;

-- The disposal job looks for what is due and not yet disposed.
create index recording_due on recording (delete_after) where disposal_stage is distinct from 'DISPOSED';
create index recording_by_channel_time on recording (channel_id, created_at);
create index recording_by_caller on recording (caller_hmac);

-- One data key per content, stored only wrapped by the key-encryption key named by kek_id.
-- Deleting the row is crypto-shredding: the bytes can never be decrypted again.
create table content_key (
    content_id  uuid         primary key,
    kek_id      varchar(100) not null,
    wrapped_key bytea        not null,
    created_at  timestamptz  not null
);

-- Legal holds (R46): by recording ids, or by channel and time window (which also catches
-- recordings made later inside the window).
create table legal_hold (
    id             uuid          primary key,
    case_ref       varchar(200)  not null,
    reason         varchar(30)   not null check (reason in ('DOCUMENT_REQUEST', 'APPEAL', 'SUPERVISORY_MATTER', 'INCIDENT', 'POLICE_REPORT')),
    channel_id     uuid,
    window_from    timestamptz,
    window_to      timestamptz,
    placed_by      varchar(200)  not null,
    placed_at      timestamptz   not null,
    released_by    varchar(200),
    released_at    timestamptz,
    release_reason varchar(2000)
);

create index legal_hold_active_channel on legal_hold (channel_id) where released_at is null;

create table legal_hold_recording (
    hold_id      uuid not null references legal_hold (id),
    recording_id uuid not null,
    primary key (hold_id, recording_id)
);

create index legal_hold_recording_by_recording on legal_hold_recording (recording_id);

-- Access records (R51, R54, R56): who reached a recording's content, why, and who was refused.
create table access_record (
    id            uuid          primary key,
    recording_id  uuid          not null,
    actor         varchar(200)  not null,
    action        varchar(20)   not null check (action in ('PLAYBACK', 'COPY', 'APPROVAL', 'DENIED')),
    reason_code   varchar(40),
    case_ref      varchar(200),
    purpose       varchar(40),
    detail        varchar(500),
    at            timestamptz   not null
);

create index access_record_by_recording on access_record (recording_id, at);

-- A second reviewer's approval for content on a secrecy-classed channel (R35, R50).
create table access_approval (
    id           uuid          primary key,
    recording_id uuid          not null,
    requester    varchar(200)  not null,
    reason_code  varchar(40)   not null,
    case_ref     varchar(200)  not null,
    approved_by  varchar(200)  not null,
    approved_at  timestamptz   not null
);

create index access_approval_lookup on access_approval (recording_id, requester, case_ref);
