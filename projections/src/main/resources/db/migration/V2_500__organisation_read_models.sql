-- Read models of the organisation, built by org.subledger.projection.organisation.OrganisationProjection and read
-- by the query side. Derived data: a replay truncates and rebuilds them from the event store. No password, ever.
create table organisation_unit (
    code        varchar(64)  primary key,
    name        varchar(200) not null,
    kind        varchar(16)  not null,
    parent_code varchar(64),
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    version     bigint       not null
);
create index organisation_unit_parent_idx on organisation_unit (parent_code, code);

create table organisation_collaboration (
    unit_code varchar(64) not null,
    with_code varchar(64) not null,
    since     timestamptz not null,
    primary key (unit_code, with_code)
);

create table organisation_user (
    user_name       varchar(64)  primary key,
    display_name    varchar(200) not null,
    roles           text         not null,
    super_user      boolean      not null,
    enabled         boolean      not null,
    password_set_at timestamptz,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    version         bigint       not null
);

-- which users belong to which unit; position 0 is the unit the user acts for
create table organisation_membership (
    user_name varchar(64) not null,
    unit_code varchar(64) not null,
    position  int         not null,
    primary key (user_name, unit_code)
);
create index organisation_membership_unit_idx on organisation_membership (unit_code, user_name);

comment on table organisation_unit is 'One row per organisational unit (department, group, third party).';
comment on table organisation_collaboration is
    'unit_code collaborates with with_code: its members may see and select what with_code''s members may.';
comment on table organisation_user is 'One row per user of the ledger; passwords are never in a read model.';
comment on table organisation_membership is 'Members of each unit; position 0 is the user''s acting unit.';
