-- Idempotency-Key of every command request: a repeat returns the first response and records nothing new.
create table idempotency_key (
    principal             varchar(255) not null,
    idempotency_key       varchar(255) not null,
    request_hash          char(64)     not null,
    state                 varchar(16)  not null,
    response_status       integer,
    response_content_type varchar(255),
    response_location     varchar(1024),
    response_body         bytea,
    created_at            timestamptz  not null,
    completed_at          timestamptz,
    primary key (principal, idempotency_key),
    constraint idempotency_key_state_ck check (state in ('IN_PROGRESS', 'COMPLETED'))
);
comment on table idempotency_key is
    'One row per (principal, Idempotency-Key) of a command request, with the response returned to repeats';
