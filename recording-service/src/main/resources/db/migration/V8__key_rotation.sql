-- A seal names the KEK its key was derived from, so that seals made before a KEK rotation can still
-- be checked, and re-sealed under the new KEK by the re-wrap job before the old KEK is removed.
alter table recording add column seal_kek_id varchar(100);

update recording r
   set seal_kek_id = k.kek_id
  from content_key k
 where k.content_id = r.id
   and r.content_seal is not null;

-- The re-wrap job looks for data keys and seals that are not under the current KEK.
create index content_key_kek on content_key (kek_id);
create index recording_seal_kek on recording (seal_kek_id) where content_seal is not null;
