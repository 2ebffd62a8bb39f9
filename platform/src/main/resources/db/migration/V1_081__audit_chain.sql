-- The hash chain over the event table (platform org.subledger.platform.audit): one row per event, in the order the
-- chainer found the events final. hash = SHA-256(previous hash || the event's canonical bytes); position 1 follows
-- 32 zero bytes. Written by the ledger's chainer only, never in a command's transaction.
create table audit_chain (
    position         bigint       not null,
    global_index     bigint       not null,
    event_identifier varchar(255) not null,
    hash             bytea        not null,
    chained_at       timestamptz  not null default now(),
    primary key (position),
    constraint audit_chain_global_index_uk unique (global_index)
);

-- How far the chainer has come: every global index up to watermark is chained or recorded in audit_chain_gap.
create table audit_chain_head (
    id        smallint    not null default 1,
    position  bigint      not null,
    hash      bytea       not null,
    watermark bigint      not null,
    primary key (id),
    constraint audit_chain_head_single check (id = 1)
);
insert into audit_chain_head (id, position, hash, watermark) values (1, 0, decode(repeat('00', 32), 'hex'), 0);

-- Global indexes skipped as empty after the gap timeout (a rolled-back or still unfinished append); an event that
-- turns up in one later is chained then, at the end of the chain.
create table audit_chain_gap (
    global_index bigint      not null,
    skipped_at   timestamptz not null default now(),
    primary key (global_index)
);

-- Digests written on a schedule, for an operator to copy elsewhere (also appended to a file, see README).
create table audit_digest (
    id          bigserial   not null,
    position    bigint      not null,
    hash        varchar(64) not null,
    recorded_at timestamptz not null,
    primary key (id)
);
