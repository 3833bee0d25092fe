-- Withdrawal reaches running recordings (issue 7): a recording stopped because a consent it relied
-- on was withdrawn has its own state.
alter table recording drop constraint recording_state_check;
alter table recording alter column state type varchar(40);
alter table recording add constraint recording_state_check
    check (state in ('PERMITTED', 'RECORDING', 'STOPPED', 'STOPPED_CONSENT_WITHDRAWN'));

-- Finds the recordings in progress that relied on a consent.
create index recording_in_progress_consents on recording using gin (consent_ids)
    where state in ('PERMITTED', 'RECORDING');

-- Where the follower of the consent-service's change feed stands: the last position it applied.
-- One row, updated in the same transaction as the stops that position caused.
create table consent_feed_cursor (
    id         smallint    primary key check (id = 1),
    position   bigint      not null check (position >= 0),
    updated_at timestamptz not null
);

insert into consent_feed_cursor (id, position, updated_at) values (1, 0, now());

-- An upload that died with its instance is cleaned up and marked UPLOAD_FAILED.
alter table recording drop constraint recording_content_state_check;
alter table recording add constraint recording_content_state_check
    check (content_state in ('UPLOADING', 'SEALED', 'UPLOAD_FAILED'));
alter table recording add column upload_started_at timestamptz;

create index recording_uploading on recording (upload_started_at) where content_state = 'UPLOADING';
