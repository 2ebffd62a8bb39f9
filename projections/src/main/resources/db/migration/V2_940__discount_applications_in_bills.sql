-- Issue 12 (the bill run's cost of discounts): billing records a bill's discount applications inside its
-- SubscriptionBilled (revision 2) instead of one DiscountApplied event each, so one event may hold several
-- applications. application_index is the application's place in that event's list (0 for a DiscountApplied event,
-- which holds one), and the key becomes (subscription_id, event_sequence, application_index): still one row per
-- application, a redelivered event still changes nothing.
alter table discount_application add column application_index integer not null default 0;
alter table discount_application drop constraint discount_application_pkey;
alter table discount_application add primary key (subscription_id, event_sequence, application_index);
comment on column discount_application.application_index is
    'Place of the application in its event: the bill''s SubscriptionBilled lists them in order (0 for a DiscountApplied event).';
