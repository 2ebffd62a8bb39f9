-- Axon deadlines of an aggregate or a saga are stored under a task instance id that begins with a fixed-length key of
-- the deadline's name and scope (ScopeKeyedDeadlineManager: 'k1.' || 32 hex digits || '.'): cancelling the deadlines
-- of one scope is then one look-up by this index instead of reading every scheduled execution.
create index scheduled_tasks_scope_key_idx on scheduled_tasks (task_name, left(task_instance, 36));
