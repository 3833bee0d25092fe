-- Witness cosignatures (c2sp.org/tlog-cosignature) of the checkpoint of a tree size, newest per
-- witness; served appended to the checkpoint note.
create table checkpoint_cosignature (
    tree_size   bigint       not null,
    key_name    varchar(255) not null,
    line        text         not null,
    cosigned_at timestamptz  not null,
    primary key (tree_size, key_name)
);
