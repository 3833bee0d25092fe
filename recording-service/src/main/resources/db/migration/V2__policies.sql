-- Recording policies (R4-R10, R38, R45, R68, R71, R72). A policy is a series of versions; a change
-- is a new version that is approved again, and old versions stay readable (R9: append-only).
create table policy (
    id         uuid        primary key,
    created_by varchar(200) not null,
    created_at timestamptz not null default now()
);

create table policy_version (
    id                  uuid         primary key,
    policy_id           uuid         not null references policy (id),
    version             integer      not null,
    status              varchar(20)  not null check (status in ('DRAFT', 'SUBMITTED', 'ACTIVE', 'REJECTED', 'SUSPENDED', 'SUPERSEDED', 'RETIRED')),
    author              varchar(200) not null,
    approved_by         varchar(200),
    approved_at         timestamptz,
    controller          varchar(300),
    purpose             varchar(40),
    legal_basis         varchar(40),
    legal_reference     varchar(500),
    direction           varchar(20),
    weekdays            varchar(100),
    hours_from          time,
    hours_to            time,
    mode                varchar(20),
    consent_parties     varchar(20)  not null,
    consent_purpose     varchar(100),
    ropa_id             varchar(100),
    dpia_reference      varchar(200),
    dpia_always_reason  varchar(2000),
    vulnerable_subjects boolean,
    large_scale         boolean,
    new_technology      boolean,
    disposal_body       varchar(300),
    disposal_registry_number varchar(100),
    disposal_date       date,
    disposal_document_type varchar(200),
    retention           varchar(40),
    notice_version      varchar(100),
    announcement        jsonb        not null,
    employees_affected  boolean,
    mbl_reference       varchar(200),
    safety_rep_view     varchar(2000),
    exceptional_consent_justification varchar(2000),
    no_detriment_alternative varchar(2000),
    dpo_sign_off        varchar(200),
    review_date         date,
    created_at          timestamptz  not null default now(),
    unique (policy_id, version)
);

create index policy_version_active on policy_version (status) where status = 'ACTIVE';

create table policy_version_channel (
    policy_version_id uuid not null references policy_version (id),
    channel_id        uuid not null,
    primary key (policy_version_id, channel_id)
);

-- The decision looks policies up by channel.
create index policy_version_channel_by_channel on policy_version_channel (channel_id);
