-- The event table is append-only: a row once written is never changed or removed, by the ledger or by anyone with a
-- SQL prompt. Axon only ever inserts into it. The trigger alone would not hold against the table's owner (an owner
-- may disable or drop a trigger), so on the embedded cluster the table and this function are handed to the
-- maintenance role ledger_maintenance after the migrations (platform EventTableGuard) and the ledger keeps only
-- SELECT and INSERT; on an external database the DBA does the same (README "Tamper evidence").
-- The snapshot table is left writable on purpose: Axon deletes an aggregate's older snapshots whenever it stores a
-- new one, and a snapshot is a cache rebuilt from the events, never part of the history or of the hash chain.
create function ledger_refuse_event_change() returns trigger
    language plpgsql as
$$
begin
    raise exception 'domain_event_entry is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege',
              hint = 'events are never changed; a correction is a new event';
end
$$;

create trigger domain_event_entry_append_only
    before update or delete on domain_event_entry
    for each row execute function ledger_refuse_event_change();

create trigger domain_event_entry_no_truncate
    before truncate on domain_event_entry
    for each statement execute function ledger_refuse_event_change();
