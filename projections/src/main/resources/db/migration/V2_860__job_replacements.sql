-- What repair jobs replaced on subscriptions, built by org.subledger.projection.job (group job-summary) and read by
-- the query side's job lists. Derived data: a replay truncates and rebuilds it from the event store.

create table job_replacement (
    job_id                 varchar(255) not null,
    line_id                varchar(255) not null,
    subscription_id        varchar(255) not null,
    replaced_serial_number varchar(255) not null,
    serial_number          varchar(255) not null,
    product_code           varchar(64)  not null,
    status                 varchar(16)  not null,
    refusal_code           varchar(64),
    refusal_message        text,
    delivered_sequence     bigint       not null,
    version                bigint       not null,
    primary key (job_id, line_id)
);

comment on table job_replacement is
    'One row per good a job delivered to replace an installed item of a subscription (a repair).';
comment on column job_replacement.delivered_sequence is 'The delivery''s place in the job''s stream: the list order.';
comment on column job_replacement.status is
    'DELIVERED (swapped on the subscription when the job completes) or REFUSED by the subscription (serial given back).';
