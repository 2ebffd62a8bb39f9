-- Issue 17: a usage batch claims its record ids first, and gives back the claims of the records it then refused.
--
-- A batch used to look its record ids up (usage_records_recorded) and claim the ones it recorded at the end: two
-- statements over the same keys. It now claims them all at once before deciding (insert ... on conflict do nothing
-- returning: an id not returned was recorded before, or by a concurrent batch that committed first) and, in the same
-- transaction, deletes the claims of the records it refused (a record a rate or the wallet refused, a subscription
-- refused as a whole), so that a record sent again with the same id after a refusal is new. Refusals are rare: this
-- runs for few batches and few rows. As for the look-up (V3_1000), the planner is not asked: one probe of the primary
-- key per pair, whatever the table's statistics say.
create function release_usage_record_ids(subscription_ids varchar[], record_ids varchar[])
    returns table (subscription_id varchar, record_id varchar)
    language sql
    volatile
    set enable_seqscan = off
    set enable_hashjoin = off
    set enable_mergejoin = off
as
$$
delete from usage_record_id u
using unnest(subscription_ids, record_ids) as released(subscription_id, record_id)
where u.subscription_id = released.subscription_id and u.record_id = released.record_id
returning u.subscription_id, u.record_id
$$;
comment on function release_usage_record_ids(varchar[], varchar[]) is
    'Deletes the claims (subscription, usage record id) given (two arrays of the same length), answers those deleted: records refused after their ids were claimed in the same transaction.';
