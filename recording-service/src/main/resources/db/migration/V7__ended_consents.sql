-- Consents the change feed has reported as ended (withdrawn or superseded). A PERMIT that relied on
-- one of them is refused when its recording would be created after the follower applied the change:
-- both take the same per-consent advisory lock, so either the follower sees the recording and
-- stops it, or the decision sees the ended consent and denies (issue 7).
create table consent_ended (
    consent_id    varchar(100) primary key,
    change        varchar(20)  not null,
    feed_position bigint       not null,
    applied_at    timestamptz  not null
);
