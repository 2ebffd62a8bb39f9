-- Scheduled subscription actions by behaviour code and date (issue 14, "scheduled actions by behaviour code"): what a
-- scheduled-actions run selects, in one query, the pending actions due by its as-of date of its behaviour codes.
-- The scheduled-actions projection fills it from the actions' events (a replay fills it for actions already there).

create table scheduled_action (
    scheduled_action_id varchar(255) primary key,
    subscription_id     varchar(255) not null,
    execute_on          date         not null,
    behaviour_code      varchar(64)  not null,
    status              varchar(32)  not null,
    scheduled_at        timestamptz  not null,
    version             bigint       not null
);

create index scheduled_action_pending_idx on scheduled_action (execute_on, scheduled_at, scheduled_action_id)
    where status = 'PENDING';

comment on table scheduled_action is
    'Subscription actions scheduled for a future date, one row an action, with where each stands.';
comment on column scheduled_action.scheduled_action_id is 'The scheduled action''s id.';
comment on column scheduled_action.subscription_id is 'The subscription the action is for.';
comment on column scheduled_action.execute_on is 'The date the action runs on (UTC, the ledger''s business date).';
comment on column scheduled_action.behaviour_code is
    'What the action does, by behaviour code (ACTIVATE, DEACTIVATE, ADD_SERVICE, ...).';
comment on column scheduled_action.status is 'PENDING, EXECUTED, FAILED or CANCELLED.';
comment on column scheduled_action.scheduled_at is 'When the action was scheduled.';
comment on column scheduled_action.version is 'The sequence number of the action''s last event applied.';
