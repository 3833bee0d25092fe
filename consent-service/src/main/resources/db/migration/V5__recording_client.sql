-- Scoped platforms (issue 21): a recorder may withdraw only the choices it recorded itself, so each
-- choice keeps the client (the token's azp) that recorded it: the phone system or meeting platform
-- for a caller's choice, the portal or app for an employee's own.
alter table consent add column recorded_by_client varchar(255);

-- Choices recorded before this migration: a platform's token subject is its service account,
-- which Keycloak names "service-account-<client id>", so that is the recording client. Choices whose
-- recorder cannot be told keep null, and no recorder may withdraw them (docs/configuration.md).
update consent
   set recorded_by_client = substring(recorded_by from length('service-account-') + 1)
 where subject_type = 'PHONE'
   and recorded_by like 'service-account-%';
