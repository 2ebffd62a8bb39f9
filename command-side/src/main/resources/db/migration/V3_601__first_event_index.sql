-- Lists the aggregates of a kind (their ids share a prefix, e.g. 'usage-catalog:') by an index range over their first
-- events, instead of a LIKE scan of the whole event table on every usage command. "C" collation: byte order, so a
-- prefix is one contiguous range.
create index domain_event_entry_first_event_ix on domain_event_entry (aggregate_identifier collate "C")
    where sequence_number = 0;
