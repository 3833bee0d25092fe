-- A transfer never moves a recording to another line (issue 20 item 1, R27, R35, R41). The recording
-- keeps the line it was made on (recording.channel_id); each transfer is kept here as a segment:
-- the line the call went to, when, and whether recording could go on there. Access is governed by
-- the strictest secrecy class of every line a recording touched, so the target is kept even when
-- the recording stopped at the transfer. There is no foreign key to channel: a segment must outlive
-- its line, and a line that is no longer known still counts (as classed) when access is checked.
--
-- Recordings transferred before this migration had their channel_id overwritten with the target;
-- their recording.transferred audit events name the line they were made on.
create table recording_transfer (
    id                uuid primary key,
    recording_id      uuid not null references recording (id),
    target_channel_id uuid not null,
    transferred_at    timestamptz not null,
    in_scope          boolean not null
);

create index recording_transfer_by_recording on recording_transfer (recording_id, transferred_at);
create index recording_transfer_by_target on recording_transfer (target_channel_id);
