-- The audit trail (R58-R63). Append-only: the service never updates an event row, and deletes
-- only a pruned prefix of the log when retention is switched on.
--
-- Each event is one leaf of an RFC 9162 Merkle tree. leaf_input is the event's RFC 8785 canonical
-- JSON exactly as hashed; the other columns are copies of its fields for querying, and the verifier
-- checks that they still agree with leaf_input.
create table audit_event (
    leaf_index    bigint       primary key,
    id            uuid         not null unique,
    source        varchar(100) not null,
    sequence      bigint,
    type          varchar(100) not null,
    occurred_at   timestamptz  not null,
    actor_subject varchar(300) not null,
    subject       varchar(300) not null,
    purpose       varchar(100),
    received_at   timestamptz  not null default now(),
    leaf_input    text         not null,
    leaf_hash     bytea        not null
);

-- Per-source sequence numbers are what makes completeness provable (R60): one event per number.
create unique index audit_event_source_sequence on audit_event (source, sequence);
create index audit_event_type_time on audit_event (type, occurred_at);
create index audit_event_subject on audit_event (subject, leaf_index);
create index audit_event_time on audit_event (occurred_at, leaf_index);

-- Hashes of perfect aligned subtrees (level >= 1; level 0 is audit_event.leaf_hash, except leaves
-- kept here when their events were pruned). Written once, never changed.
create table merkle_node (
    level smallint not null,
    idx   bigint   not null,
    hash  bytea    not null,
    primary key (level, idx)
);

-- The single row every append locks, so leaf indices are dense and appends never interleave.
create table log_head (
    id           smallint primary key check (id = 1),
    tree_size    bigint   not null,
    pruned_below bigint   not null
);
insert into log_head (id, tree_size, pruned_below) values (1, 0, 0);

-- A signed tree head after every append.
create table checkpoint (
    tree_size bigint      primary key,
    root_hash bytea       not null,
    signed_at timestamptz not null,
    key_id    varchar(64) not null,
    signature bytea       not null
);
