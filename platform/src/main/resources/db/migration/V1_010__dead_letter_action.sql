-- What operators did to dead letters (retry, evict), by whom and when. Kept after the letter itself is gone.
create table dead_letter_action (
    action_id           bigserial    primary key,
    dead_letter_id      varchar(255) not null,
    processing_group    varchar(255) not null,
    sequence_identifier varchar(255) not null,
    payload_type        varchar(255),
    action              varchar(16)  not null,
    outcome             varchar(32)  not null,
    principal           varchar(255) not null,
    acted_at            timestamptz  not null
);
create index dead_letter_action_dead_letter_idx on dead_letter_action (dead_letter_id);
