-- Scoped platforms (issue 21): a channel names the platform client (the phone system's or meeting
-- platform's OIDC client id, the token's azp) that serves it, and a recording the platform that got
-- its PERMIT. Only that platform may ask "may I record?" for the channel (R1) and start, transfer,
-- stop or upload the recording.
--
-- Existing channels get no platform: no platform may use them until a recording administrator
-- assigns one (PUT /api/v1/channels/{id}/platform), which is fail-closed (principle 1) and shows up
-- as DENY-free 403s in the platform's log rather than as recordings nobody decided on. Existing
-- recordings get no platform either: no platform may act on them any more, so recordings still in
-- progress at the upgrade are stopped by the kill switch or end with their calls (docs/configuration.md).
alter table channel add column platform varchar(255);
alter table recording add column platform varchar(255);

-- "Which purposes do this platform's channels use?" (GET /api/v1/platforms/{client}/purposes).
create index channel_by_platform on channel (platform);
