-- Published notices: one row per version, never changed (R9, R26). `content` is the exact canonical
-- form that `content_hash` (SHA-256, hex) was computed over, so the hash can be checked at any time.
create table notice (
    id                 bigserial    primary key,
    purpose_code       varchar(80)  not null references purpose (code),
    version            integer      not null check (version > 0),
    content            text         not null,
    content_hash       varchar(64)   not null,
    requires_reconsent boolean      not null,
    published_at       timestamptz  not null,
    published_by       varchar(200) not null,
    unique (purpose_code, version)
);

-- Immutability is a property of the data, not only of the code that happens to write it.
create function notice_is_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'a published notice is never changed or removed';
end
$$;

create trigger notice_immutable before update or delete on notice
    for each row execute function notice_is_immutable();

-- One row per choice a person made (R11): the evidence. A later choice supersedes an earlier one for
-- the same purpose and scope; withdrawal marks the row, so refused and withdrawn choices stay as
-- history. subject_ref is the employee's token subject, or for a phone number its keyed HMAC (R33):
-- a phone number is never stored in clear.
create table consent (
    id                        uuid         primary key,
    purpose_code              varchar(80)  not null references purpose (code),
    subject_type              varchar(20)  not null check (subject_type in ('EMPLOYEE', 'PHONE')),
    subject_ref               varchar(200) not null,
    choice                    varchar(20)  not null check (choice in ('GIVEN', 'REFUSED')),
    session_id                varchar(200),
    notice_version            integer      not null,
    notice_hash               varchar(64)   not null,
    mechanism                 varchar(20)  not null check (mechanism in ('UI', 'DTMF', 'SPOKEN')),
    interaction_id            varchar(200),
    recorded_at               timestamptz  not null,
    recorded_by               varchar(200) not null,
    expires_at                timestamptz,
    withdrawn_at              timestamptz,
    withdrawn_by              varchar(200),
    withdrawal_interaction_id varchar(200),
    foreign key (purpose_code, notice_version) references notice (purpose_code, version)
);

-- The decision path: a purpose's records for a handful of subjects, newest first.
create index consent_by_purpose_subject on consent (purpose_code, subject_ref, recorded_at desc);
-- A person's own history (/me).
create index consent_by_subject on consent (subject_type, subject_ref, recorded_at desc);
