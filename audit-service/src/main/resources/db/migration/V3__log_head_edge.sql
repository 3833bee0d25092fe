-- The right edge of the tree (the hashes of the perfect subtrees of the binary decomposition of
-- tree_size, left to right, 32 bytes each), kept beside the size so that an append reads what it
-- builds on together with the head lock, in one round trip. Derived data: it equals stored
-- subtree hashes (merkle_node, audit_event.leaf_hash); null (as after this migration) or a value
-- that does not fit tree_size makes the next append read those instead. Editing it would make the
-- service sign checkpoints of a wrong tree, which the tamper check reports like any edit.
alter table log_head add column edge bytea;
