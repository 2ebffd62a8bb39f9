-- Webhooks (README "Webhooks"): endpoints an operator registers for event types, and one delivery per endpoint and
-- event, retried with back-off until delivered or out of attempts; every attempt is kept.
create table webhook_endpoint (
    id            uuid primary key,
    url           varchar(2000) not null,
    event_types   text[]        not null,
    description   varchar(200),
    secret        varchar(100)  not null,
    -- the endpoint gets the events stored after it was registered, not the history before
    starts_after_index bigint   not null,
    active        boolean       not null default true,
    created_at    timestamptz   not null,
    created_by    varchar(200)  not null,
    disabled_at   timestamptz,
    disabled_by   varchar(200)
);

create table webhook_delivery (
    id              bigserial primary key,
    endpoint_id     uuid          not null references webhook_endpoint (id),
    event_id        varchar(100)  not null,
    event_type      varchar(100)  not null,
    body            text          not null,
    state           varchar(16)   not null,
    attempts        integer       not null default 0,
    next_attempt_at timestamptz   not null,
    last_status     integer,
    last_error      varchar(500),
    created_at      timestamptz   not null default now(),
    delivered_at    timestamptz,
    -- a redelivered event (a processor replaying a batch) enqueues nothing twice
    unique (endpoint_id, event_id)
);

create index webhook_delivery_due on webhook_delivery (next_attempt_at) where state = 'PENDING';

create table webhook_attempt (
    delivery_id   bigint        not null references webhook_delivery (id),
    attempt       integer       not null,
    attempted_at  timestamptz   not null,
    status        integer,
    error         varchar(500),
    duration_ms   integer       not null,
    primary key (delivery_id, attempt)
);
