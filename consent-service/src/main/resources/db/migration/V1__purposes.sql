-- Purposes a person's choice can be about (R11, R17), whom they concern and how a choice works.
-- current_notice_version and counting_from_version are kept here (set when a notice is published)
-- so that a decision needs the purpose row and the subjects' records only.
create table purpose (
    code                   varchar(80)  primary key,
    title_sv               varchar(200) not null,
    title_en               varchar(200),
    concerns_employees     boolean      not null,
    concerns_citizens      boolean      not null,
    choice_model           varchar(20)  not null check (choice_model in ('OPT_IN', 'OPT_OUT')),
    current_notice_version integer,
    counting_from_version  integer,
    created_at             timestamptz  not null default now(),
    check (concerns_employees or concerns_citizens)
);
