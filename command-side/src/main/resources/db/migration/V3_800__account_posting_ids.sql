-- Posting ids per account, for exactly-once postings: one index probe per posting command instead of a set of every
-- id in the Account aggregate's state (which grew for ever with its history, and made its snapshot as large).
-- Inserted in the transaction of the command that records the posting. Bills are posted by billing, exactly once by
-- their own deterministic ids and the billing position, and never through these commands: their ids are not here.
create table account_posting_id (
    account_id varchar(255) not null,
    posting_id varchar(255) not null,
    primary key (account_id, posting_id)
);
comment on table account_posting_id is
    'Per account: every posting id recorded by a posting command (charge, credit, payment, adjustment), so a retry is recognised; written with its event';

insert into account_posting_id (account_id, posting_id)
select aggregate_identifier, payload::jsonb ->> 'postingId'
from domain_event_entry
where payload_type in ('org.subledger.kernel.account.ChargePosted', 'org.subledger.kernel.account.CreditPosted',
                       'org.subledger.kernel.account.PaymentRecorded', 'org.subledger.kernel.account.AdjustmentPosted')
on conflict do nothing;
