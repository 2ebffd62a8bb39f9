-- Read models of the catalog, built by the projections in org.subledger.projection.catalog and read by the query
-- side. Plain tables meant to be read directly by reporting tools: definitions are jsonb (dates as ISO-8601
-- strings, amounts as {"amount": 10.00, "currency": "EUR"}), with the columns lists filter on beside them. They are
-- derived data: a replay truncates and rebuilds them from the event store.

create table catalog_entry (
    kind              varchar(32)  not null,
    code              varchar(255) not null,
    name              text,
    product_type_code varchar(255),
    family            text,
    valid_from        date,
    valid_to          date,
    provider_code     varchar(255),
    definition        jsonb        not null,
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    version           bigint       not null,
    primary key (kind, code)
);
-- serve the list filters of the query side, in its order (code)
create index catalog_entry_type_idx on catalog_entry (kind, product_type_code, code);
create index catalog_entry_family_idx on catalog_entry (kind, family, code);
create index catalog_entry_validity_idx on catalog_entry (kind, valid_from, valid_to);

comment on table catalog_entry is
    'One row per catalog entry (product type, product, provider, price plan, billing term scheme, subscription '
    'type, usage service catalog, job type, activity type) with its current definition.';
comment on column catalog_entry.kind is
    'PRODUCT_TYPE, PRODUCT, PROVIDER, PRICE_PLAN, BILLING_TERM_SCHEME, SUBSCRIPTION_TYPE, USAGE_CATALOG, JOB_TYPE '
    'or ACTIVITY_TYPE.';
comment on column catalog_entry.code is 'The entry''s code, unique within its kind (e.g. GOLD, STANDARD).';
comment on column catalog_entry.name is 'The entry''s name; for a product, its description.';
comment on column catalog_entry.product_type_code is 'Products only: the code of the product''s type.';
comment on column catalog_entry.family is 'Products only: the product family (e.g. Movies, Sports).';
comment on column catalog_entry.valid_from is
    'Products and usage catalogs: first day it may be used for new business (inclusive); null: no start.';
comment on column catalog_entry.valid_to is
    'Products and usage catalogs: last day it may be used for new business (inclusive); null: no end.';
comment on column catalog_entry.provider_code is 'Usage catalogs only: the provisioning provider''s code.';
comment on column catalog_entry.definition is
    'The whole current definition as JSON, as the catalog administrators entered it.';
comment on column catalog_entry.created_at is 'When the entry was created.';
comment on column catalog_entry.updated_at is 'When the definition was last set (created or amended).';
comment on column catalog_entry.version is
    'Sequence number in the event store of the entry''s last definition event reflected in this row.';

create table price_version (
    price_plan_code varchar(255)   not null,
    product_code    varchar(255)   not null,
    version         integer        not null,
    classification  varchar(32)    not null,
    effective_from  date           not null,
    effective_to    date,
    model           varchar(16)    not null,
    basis           varchar(32)    not null,
    base_amount     numeric(19, 4) not null,
    currency        char(3)        not null,
    rate            jsonb          not null,
    set_at          timestamptz    not null,
    primary key (price_plan_code, product_code, version)
);
create index price_version_product_idx on price_version (product_code, effective_from);

comment on table price_version is
    'Every price version of every product in every price plan. A change of price adds a version and never '
    'rewrites an earlier one: a period is rated with the version in force on its date.';
comment on column price_version.price_plan_code is 'The price plan''s code (e.g. STANDARD).';
comment on column price_version.product_code is 'The product''s code (e.g. GOLD).';
comment on column price_version.version is 'Number of this version among the product''s versions in the plan, from 1.';
comment on column price_version.classification is
    'ONE_TIME_SERVICE, EXPENSE, TERMED_SERVICE or PHYSICAL_GOOD: the group of rates this one belongs to.';
comment on column price_version.effective_from is 'First day this version is in force (inclusive).';
comment on column price_version.effective_to is
    'Day the next version takes over (exclusive: the last day in force is the day before); null while this is '
    'the latest version.';
comment on column price_version.model is
    'FLAT: the whole quantity at the amount of the level it falls in; TIERED: each unit at its level''s amount.';
comment on column price_version.basis is
    'What the levels count: QUANTITY, DURATION_HOURS, or MATURITY_PERIODS (billing periods since the start).';
comment on column price_version.base_amount is
    'Amount per unit outside every level, VAT inclusive, in the currency of the line.';
comment on column price_version.currency is 'ISO 4217 code of every amount of the rate.';
comment on column price_version.rate is
    'The whole rate as JSON: model, basis, baseAmount and levels (from, to (null: unlimited), amount).';
comment on column price_version.set_at is 'When the version was recorded.';
