-- Channels that might be recorded (R28): phone lines and queues, voicemail boxes, video-meeting
-- types. A new channel records nothing (R3): only an approved policy turns recording on.
create table channel (
    id              uuid         primary key,
    kind            varchar(30)  not null check (kind in ('PHONE_LINE', 'PHONE_QUEUE', 'VOICEMAIL', 'VIDEO_MEETING')),
    address         varchar(100) not null,
    name            varchar(200) not null,
    -- R38: lines of these classes can never be in a policy's scope.
    protected_class varchar(30)  check (protected_class in ('WHISTLEBLOWING', 'SAFETY_REP', 'OCCUPATIONAL_HEALTH', 'LEGAL_COUNSEL', 'EDITORIAL')),
    -- R35: secrecy classes tighten access to what is recorded on the line.
    secrecy_class   varchar(30)  check (secrecy_class in ('SOCIAL_SERVICES', 'HEALTH_CARE', 'PERSONNEL')),
    -- R40: lines where the public requests official documents allow no identification prompt.
    public_records_line boolean  not null default false,
    created_at      timestamptz  not null default now(),
    unique (kind, address)
);
