-- Second-reviewer approvals (R50, issue 20 item 7): the person who needs access requests it, a
-- second reviewer approves that request, one playback uses it, and it expires. Approvals made
-- before this migration were never requested; they count as requested when approved and expire a
-- day after approval, like new ones under the default setting.
alter table access_approval add column requested_at timestamptz;
alter table access_approval add column expires_at timestamptz;
alter table access_approval add column used_at timestamptz;
update access_approval set requested_at = approved_at, expires_at = approved_at + interval '24 hours';
alter table access_approval alter column requested_at set not null;
alter table access_approval alter column approved_by drop not null;
alter table access_approval alter column approved_at drop not null;
