-- Axon deadlines of an aggregate or a saga are stored under a task instance id that begins with a fixed-length key of
-- the deadline's name and scope (ScopeKeyedDeadlineManager: 'k1.' || 32 hex digits || '.'): cancelling the deadlines
-- of one scope is then one look-up by this index instead of reading every scheduled execution.
create index scheduled_tasks_scope_key_idx on scheduled_tasks (task_name, left(task_instance, 36));
-- A schedule id handed out before its key was known (a deadline scheduled in an aggregate's constructor) is the
-- instance id's random tail: cancelling by it is one look-up by this index.
create index scheduled_tasks_instance_tail_idx on scheduled_tasks (task_name, right(task_instance, 36));
