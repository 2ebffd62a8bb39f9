-- The directory of units and users, kept by the command side's lookup-organisation processor in the transaction of
-- the command that changed it; authentication reads it. Codes and user names are the aggregates' own.
create table org_unit (
    code        varchar(64) primary key,
    name        varchar(200) not null,
    kind        varchar(16)  not null,
    parent_code varchar(64)
);

-- every (ancestor, descendant) pair, each unit its own ancestor: "a unit and everything under it" in one lookup
create table org_unit_closure (
    ancestor   varchar(64) not null,
    descendant varchar(64) not null,
    primary key (ancestor, descendant)
);
create index org_unit_closure_by_descendant on org_unit_closure (descendant, ancestor);

-- unit_code's members may see and select what with_code's members may
create table org_unit_collaboration (
    unit_code varchar(64) not null,
    with_code varchar(64) not null,
    primary key (unit_code, with_code)
);

create table directory_user (
    user_name    varchar(64) primary key,
    display_name varchar(200) not null,
    roles        text         not null, -- comma-separated role names
    units        text         not null, -- comma-separated unit codes, the acting unit first
    super_user   boolean      not null,
    enabled      boolean      not null
);

-- written by the user aggregate in the command's transaction; the hash is never in an event
create table directory_user_password (
    user_name     varchar(64) primary key,
    password_hash varchar(200) not null,
    set_at        timestamptz  not null
);
