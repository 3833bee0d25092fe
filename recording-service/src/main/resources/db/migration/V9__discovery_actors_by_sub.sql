-- Issue 21 item 3: a person is their token's sub, never their user name. Until now the DPO who
-- registered a discovery batch or decided on a discovered recording was stored by user name
-- (preferred_username); from now on by the sub (Keycloak's user id), as the policy authors and
-- approvers, kill switches, holds, access records and subject-access authorizations already were.
-- See docs/identity.md, "Upgrading: rows keyed by user name".
--
-- Before upgrading, the operator may load identity_username_subject with each user name and its
-- Keycloak user id (from Keycloak's user export); those names are re-keyed to the sub. Every other
-- name is marked "legacy-username:" so that it is never taken for a sub. Values already shaped like
-- a Keycloak user id are kept as they are.
create table if not exists identity_username_subject (
    username varchar(200) primary key,
    subject  varchar(200) not null
);

-- The value a stored name becomes: its sub when mapped, itself when already shaped like a Keycloak
-- user id or marked, else marked.
create function pg_temp.identity_by_sub(stored varchar) returns varchar language sql as $$
    select case
        when stored is null then null
        when exists (select 1 from identity_username_subject where username = stored)
            then (select subject from identity_username_subject where username = stored)
        when stored ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
          or stored like 'legacy-username:%'
            then stored
        else left('legacy-username:' || stored, 200)
    end
$$;

update discovery_batch set registered_by = pg_temp.identity_by_sub(registered_by);
update discovered_recording set decided_by = pg_temp.identity_by_sub(decided_by)
 where decided_by is not null;

-- The mapping names people; it has done its work and is not kept.
drop table identity_username_subject;
