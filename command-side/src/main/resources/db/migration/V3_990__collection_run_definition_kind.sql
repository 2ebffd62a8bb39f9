-- A run definition's kind may now be SCHEDULED_ACTIONS (issue 14, scheduled actions by behaviour code): 17 letters.
alter table collection_run_definition alter column kind type varchar(32);
