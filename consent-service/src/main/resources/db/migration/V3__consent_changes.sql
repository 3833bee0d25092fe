-- The change feed that followers (the recording-service) read to stop what a choice no longer allows
-- (R14). One row per consent that stopped counting: WITHDRAWN, or SUPERSEDED by a later refusal.
-- `position` is gap-free and assigned in commit order (under a transaction-scoped advisory lock), so a
-- follower that remembers the last position it read never misses a change. Only the consent id and the
-- purpose: no subject. No foreign key to consent, so that writing a change never waits on a lock of
-- the consent row it names (consents are never deleted).
create table consent_change (
    position     bigint       primary key check (position > 0),
    consent_id   uuid         not null,
    purpose_code varchar(80)  not null,
    change       varchar(20)  not null check (change in ('WITHDRAWN', 'SUPERSEDED')),
    changed_at   timestamptz  not null
);

-- "Has this consent already been reported?" when a refusal supersedes a person's earlier consents.
create index consent_change_by_consent on consent_change (consent_id);
