-- Read models of subscriptions, built by the projections in org.subledger.projection.subscription and read by the
-- query side. Plain tables for reporting tools: business dates are date, amounts numeric with their currency beside
-- them. Derived data: a replay truncates and rebuilds them from the event store.

create table subscription_summary (
    subscription_id         varchar(255)   not null,
    account_id              varchar(255)   not null,
    subscription_type_code  varchar(64)    not null,
    state                   varchar(16)    not null,
    billing_term_scheme     varchar(64)    not null,
    price_plan              varchar(64),
    billing_frequency       varchar(16),
    agreement_date          date,
    binding_start_date      date,
    binding_end_date        date,
    penalty_amount          numeric(19, 4),
    penalty_currency        char(3),
    concurrent_uses         integer,
    concurrent_rate_percent numeric(9, 4),
    created_on              date           not null,
    activated_on            date,
    deactivated_on          date,
    terminated_on           date,
    version                 bigint         not null,
    primary key (subscription_id)
);
create index subscription_summary_account_idx on subscription_summary (account_id, created_on, subscription_id);

comment on table subscription_summary is
    'One row per subscription as it stands now: owner account, subscription type, life-cycle state, billing terms '
    'and life-cycle dates.';
comment on column subscription_summary.subscription_id is 'The subscription''s identifier (a UUID, the aggregate id).';
comment on column subscription_summary.account_id is 'The accounts-receivable account that owns and pays for it.';
comment on column subscription_summary.subscription_type_code is
    'Code of its subscription type in the catalog (e.g. GOLD): what it may hold.';
comment on column subscription_summary.state is
    'DRAFT (registered, not yet provisioned nor billed), EFFECTIVE (provisioned and billed), DEACTIVATED '
    '(disconnected until reactivated) or TERMINATED (for good).';
comment on column subscription_summary.billing_term_scheme is 'Code of the billing term scheme of its billing terms.';
comment on column subscription_summary.price_plan is 'Code of the price plan it is billed by.';
comment on column subscription_summary.billing_frequency is 'How often it is billed (e.g. MONTHLY, ANNUAL).';
comment on column subscription_summary.agreement_date is 'When the customer signed the billing terms.';
comment on column subscription_summary.binding_start_date is 'Start of the binding (minimum contract) period.';
comment on column subscription_summary.binding_end_date is
    'End of the binding period; terminating before it makes the early-termination penalty due.';
comment on column subscription_summary.penalty_amount is
    'Early-termination penalty in penalty_currency; null when none was agreed.';
comment on column subscription_summary.penalty_currency is 'ISO 4217 code of penalty_amount.';
comment on column subscription_summary.concurrent_uses is
    'Public use (a hotel, a bar): how many times its services are used at once; null for home use.';
comment on column subscription_summary.concurrent_rate_percent is
    'Public use: the percentage of the price plan rate agreed per concurrent use; null for home use.';
comment on column subscription_summary.created_on is 'Business date of the become-subscriber action.';
comment on column subscription_summary.activated_on is
    'Business date it became effective: the activation of a draft, or created_on when sold as effective.';
comment on column subscription_summary.deactivated_on is
    'Business date of its deactivation while it is deactivated; null otherwise.';
comment on column subscription_summary.terminated_on is 'Business date of its termination; null until terminated.';
comment on column subscription_summary.version is
    'Sequence number in the event store of the last event of the subscription reflected in this row.';

create table subscription_service (
    subscription_id            varchar(255) not null,
    product_code               varchar(64)  not null,
    components                 text[]       not null default '{}',
    distributor_ids            text[]       not null default '{}',
    quantity                   integer generated always as (coalesce(cardinality(distributor_ids), 0)) stored,
    effective_date             date         not null,
    billable_period_start_date date         not null,
    billing_effective_date     date         not null,
    removed_on                 date,
    provisioning_state         varchar(16)  not null default 'PENDING',
    version                    bigint       not null,
    primary key (subscription_id, product_code)
);

comment on table subscription_service is
    'The termed services of each subscription: effective ones (removed_on null) and those removed or swapped out.';
comment on column subscription_service.subscription_id is 'The subscription the service is on.';
comment on column subscription_service.product_code is 'Code of the service''s product in the catalog.';
comment on column subscription_service.components is
    'Product codes of a bundle''s components (a fixed bundle''s from the catalog, a flexible one''s as chosen); '
    'empty for a plain service.';
comment on column subscription_service.distributor_ids is
    'The subscription''s distributors (devices) the service is available on.';
comment on column subscription_service.quantity is
    'How many distributors the service is provided on: its quantity for quantity-based rates.';
comment on column subscription_service.effective_date is
    'When the service became effective (moved to the activation date when a draft is activated).';
comment on column subscription_service.billable_period_start_date is 'From when billing considers the service.';
comment on column subscription_service.billing_effective_date is 'When the service starts being billed.';
comment on column subscription_service.removed_on is
    'Business date the service was removed or swapped out; null while it is effective.';
comment on column subscription_service.provisioning_state is
    'How far provisioning the service to its provider got: PENDING until the provisioning process reports back.';
comment on column subscription_service.version is
    'Sequence number of the last event of the subscription reflected in this row.';

create table installed_item (
    serial_number   varchar(100) not null,
    subscription_id varchar(255) not null,
    product_code    varchar(64)  not null,
    account_id      varchar(255) not null,
    installed_on    date         not null,
    removed_on      date,
    version         bigint       not null,
    primary key (serial_number, subscription_id)
);
create index installed_item_subscription_idx on installed_item (subscription_id);

comment on table installed_item is
    'Installed items (traceable physical goods such as decoders) by serial number: where each is or was installed.';
comment on column installed_item.serial_number is 'The item''s serial number.';
comment on column installed_item.subscription_id is 'The subscription it is (or was) installed on.';
comment on column installed_item.product_code is 'Code of the item''s product in the catalog (e.g. DECODER).';
comment on column installed_item.account_id is 'The account owning that subscription.';
comment on column installed_item.installed_on is 'Business date it was added to (or swapped onto) the subscription.';
comment on column installed_item.removed_on is
    'Business date it was taken off or swapped out; null while installed.';
comment on column installed_item.version is
    'Sequence number of the last event of the subscription reflected in this row.';

create table installed_item_owner (
    subscription_id varchar(255) not null,
    account_id      varchar(255) not null,
    primary key (subscription_id)
);

comment on table installed_item_owner is
    'The account of each subscription, kept by the installed-items projection itself (installed-item events do not '
    'name the account, and another processing group''s table may lag behind).';
comment on column installed_item_owner.subscription_id is 'The subscription.';
comment on column installed_item_owner.account_id is 'The account owning it.';
