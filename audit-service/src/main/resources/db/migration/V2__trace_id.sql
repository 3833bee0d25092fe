-- The W3C trace id of the call that caused an event (copied out of the leaf input like the other
-- query columns), so one call can be followed across services.
alter table audit_event add column trace_id varchar(32);

create index audit_event_trace on audit_event (trace_id, leaf_index) where trace_id is not null;
