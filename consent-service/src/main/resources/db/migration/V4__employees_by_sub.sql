-- Issue 21 item 3: a person is their token's sub, never their user name. Until now an employee's own
-- choices were keyed by the user name (preferred_username), which the identity provider lets
-- administrators change and reuse; from now on by the sub (Keycloak's user id). See docs/identity.md,
-- "Upgrading: rows keyed by user name".
--
-- Before upgrading, the operator may load identity_username_subject with each user name and its
-- Keycloak user id (from Keycloak's user export); choices of those users are then re-keyed to their
-- sub and stay in force. Every other employee choice keyed by a user name is marked "legacy-username:"
-- so that it can never be matched against a sub (nor against an employee id a platform sends): that
-- person is asked again, and no choice is attributed to whoever holds the name today. Values already
-- shaped like a Keycloak user id are kept as they are.
create table if not exists identity_username_subject (
    username varchar(200) primary key,
    subject  varchar(200) not null
);

update consent c
   set subject_ref = m.subject
  from identity_username_subject m
 where c.subject_type = 'EMPLOYEE'
   and c.subject_ref = m.username;

update consent
   set subject_ref = left('legacy-username:' || subject_ref, 200)
 where subject_type = 'EMPLOYEE'
   and subject_ref not in (select subject from identity_username_subject)
   and subject_ref !~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
   and subject_ref not like 'legacy-username:%';

-- The mapping names people; it has done its work and is not kept.
drop table identity_username_subject;
