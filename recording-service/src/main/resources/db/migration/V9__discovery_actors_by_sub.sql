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

update discovery_batch b
   set registered_by = m.subject
  from identity_username_subject m
 where b.registered_by = m.username;

update discovery_batch
   set registered_by = left('legacy-username:' || registered_by, 200)
 where registered_by not in (select subject from identity_username_subject)
   and registered_by !~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
   and registered_by not like 'legacy-username:%';

update discovered_recording d
   set decided_by = m.subject
  from identity_username_subject m
 where d.decided_by = m.username;

update discovered_recording
   set decided_by = left('legacy-username:' || decided_by, 200)
 where decided_by is not null
   and decided_by not in (select subject from identity_username_subject)
   and decided_by !~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
   and decided_by not like 'legacy-username:%';

-- The mapping names people; it has done its work and is not kept.
drop table identity_username_subject;
