-- Purposes a person's choice can be about (R11, R17). Notices and choices follow in later versions.
create table purpose (
    code         varchar(80)  primary key,
    title_sv     varchar(200) not null,
    title_en     varchar(200),
    choice_model varchar(20)  not null check (choice_model in ('OPT_IN', 'OPT_OUT')),
    created_at   timestamptz  not null default now()
);
