-- The "needs attention" list: the process steps (saga commands) that were refused for a business reason, what was
-- refused and why, since when, and whether someone resolved it. Kept from ProcessStepRefused and its resolution.
create table attention_item (
    refusal_id  varchar(600) primary key,
    process     varchar(64)  not null,
    step        varchar(255) not null,
    step_id     varchar(512) not null,
    subject_id  varchar(255),
    target      varchar(512),
    command     varchar(255),
    code        varchar(64)  not null,
    reason      text,
    refused_at  timestamptz  not null,
    resolved_at timestamptz,
    resolved_by varchar(255),
    resolution  text
);

create index attention_item_refused_at on attention_item (refused_at desc, refusal_id);
create index attention_item_open on attention_item (refused_at desc, refusal_id) where resolved_at is null;
