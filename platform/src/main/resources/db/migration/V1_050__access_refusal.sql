-- Every request refused because the user's access scope does not reach the record (answered 404, as if it did not
-- exist): who asked, for which unit, what, and when. Read by auditors at GET /api/audit/access-refusals.
create table access_refusal (
    id          bigint generated always as identity primary key,
    refused_at  timestamptz  not null,
    principal   varchar(255) not null,
    acting_unit varchar(64),
    method      varchar(16)  not null,
    path        varchar(1000) not null,
    record_type varchar(64)  not null,
    record_id   varchar(255) not null
);
create index access_refusal_refused_at_ix on access_refusal (refused_at desc, id desc);
comment on table access_refusal is 'Requests refused as not found because the record is outside the user''s access scope';
comment on column access_refusal.principal is 'The user refused';
comment on column access_refusal.acting_unit is 'The unit the user acted for; null for users of no unit';
comment on column access_refusal.record_type is 'account, subscription or bill';
comment on column access_refusal.record_id is 'The id of the record outside the user''s access scope';
