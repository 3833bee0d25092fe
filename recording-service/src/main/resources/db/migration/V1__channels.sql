-- Channels that might be recorded (R28): phone lines and queues, voicemail boxes, video-meeting
-- types. A new channel records nothing (R3): only an approved policy turns recording on.
create table channel (
    id              uuid         primary key,
    kind            varchar(30)  not null check (kind in ('PHONE_LINE', 'PHONE_QUEUE', 'VOICEMAIL', 'VIDEO_MEETING')),
    address         varchar(100) not null,
    name            varchar(200) not null,
    protected_class varchar(30),
    secrecy_class   varchar(30),
    public_records_line boolean  not null default false,
    created_at      timestamptz  not null default now(),
    unique (kind, address)
);
