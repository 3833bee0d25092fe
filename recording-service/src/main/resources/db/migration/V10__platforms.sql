-- Scoped platforms (issue 21): a channel names the platform client (the phone system's or meeting
-- platform's OIDC client id, the token's azp) that serves it, and a recording the platform that got
-- its PERMIT. Only that platform may ask "may I record?" for the channel (R1) and start, transfer,
-- stop or upload the recording.
--
-- Existing channels get no platform: no platform may use them until a recording administrator
-- assigns one (PUT /api/v1/channels/{id}/platform). That fails closed (principle 1): a platform
-- asking before then gets a 403, audited, never a recording nobody decided on. Existing recordings
-- get no platform either and no platform may act on them any more: let calls in progress end before
-- the upgrade, or engage the kill switch (docs/configuration.md).
alter table channel add column platform varchar(255);
alter table recording add column platform varchar(255);

-- "Which purposes do this platform's channels use?" (GET /api/v1/platforms/{client}/purposes).
create index channel_by_platform on channel (platform);
