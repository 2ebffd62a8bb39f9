package org.subledger.kernel.error;

/**
 * Stable error codes of the ledger's API. Clients match on these, never on messages. Each code belongs to one
 * {@link Kind}, which decides the HTTP status. Codes are never renamed or reused once shipped.
 */
public enum ErrorCode {
    VALIDATION_FAILED(Kind.INVALID),
    MALFORMED_REQUEST(Kind.INVALID),
    CURRENCY_MISMATCH(Kind.INVALID),
    IDEMPOTENCY_KEY_REUSED(Kind.CONFLICT),
    IDEMPOTENT_REQUEST_IN_PROGRESS(Kind.CONFLICT),
    CONCURRENT_MODIFICATION(Kind.CONFLICT),
    ACCOUNT_NOT_FOUND(Kind.NOT_FOUND),
    /** The account exists, but it was opened after the instant asked for ({@code ?asOf=}). */
    ACCOUNT_NOT_YET_OPENED(Kind.NOT_FOUND),
    ACCOUNT_ALREADY_EXISTS(Kind.CONFLICT),
    ACCOUNT_CLOSED(Kind.CONFLICT),
    ACCOUNT_BALANCE_NOT_ZERO(Kind.REFUSED),
    /** The account still has subscriptions that are not terminated: they are ended before the account is closed. */
    ACCOUNT_HAS_LIVE_SUBSCRIPTIONS(Kind.REFUSED),
    DUPLICATE_POSTING(Kind.CONFLICT),
    CATALOG_ENTRY_EXISTS(Kind.CONFLICT),
    CATALOG_ENTRY_NOT_FOUND(Kind.NOT_FOUND),
    /** The catalog entry exists, but it was created after the instant asked for ({@code ?asOf=}). */
    CATALOG_ENTRY_NOT_YET_CREATED(Kind.NOT_FOUND),
    CATALOG_RULE_VIOLATED(Kind.REFUSED),
    /** A price plan or subscription type restricted to organisational units the user is not of (nor collaborates with). */
    CATALOG_ENTRY_NOT_ALLOWED(Kind.REFUSED),
    /** Another buy-in-advance definition is effective: only one may be at a time. */
    BUY_IN_ADVANCE_ALREADY_EFFECTIVE(Kind.CONFLICT),
    /** No buy-in-advance definition is effective: nothing can be bought in advance (B3). */
    BUY_IN_ADVANCE_NOT_OFFERED(Kind.REFUSED),
    /** The effective buy-in-advance definition allows the subscription's type no such duration (B2). */
    BUY_IN_ADVANCE_DURATION_NOT_ALLOWED(Kind.REFUSED),
    SUBSCRIPTION_NOT_FOUND(Kind.NOT_FOUND),
    /** The subscription exists, but it was created after the instant asked for ({@code ?asOf=}). */
    SUBSCRIPTION_NOT_YET_CREATED(Kind.NOT_FOUND),
    SUBSCRIPTION_ALREADY_EXISTS(Kind.CONFLICT),
    SUBSCRIPTION_STATE_INVALID(Kind.CONFLICT),
    SUBSCRIPTION_RULE_VIOLATED(Kind.REFUSED),
    SERIAL_NUMBER_IN_USE(Kind.CONFLICT),
    /** The wallet's balance is below what is asked of it (a consumption, a transfer): it never goes below zero. */
    WALLET_INSUFFICIENT_FUNDS(Kind.REFUSED),
    JOB_NOT_FOUND(Kind.NOT_FOUND),
    /** The job exists, but it was ordered after the instant asked for ({@code ?asOf=}). */
    JOB_NOT_YET_CREATED(Kind.NOT_FOUND),
    JOB_ALREADY_EXISTS(Kind.CONFLICT),
    /** The job's life cycle does not allow the action now (e.g. completing a pending job). */
    JOB_STATE_INVALID(Kind.CONFLICT),
    /** A catalog or job rule refuses the job or its contents (a product its type does not sell, a missing service). */
    JOB_RULE_VIOLATED(Kind.REFUSED),
    /** The job is billed: its contents are closed; a correction is a separate, recorded credit. */
    JOB_ALREADY_BILLED(Kind.CONFLICT),
    /** No refused process step with that id on the "needs attention" list. */
    ATTENTION_ITEM_NOT_FOUND(Kind.NOT_FOUND),
    CREDIT_LIMIT_EXCEEDED(Kind.REFUSED),
    SCHEDULED_ACTIONS_UNAVAILABLE(Kind.REFUSED),
    /** The usage service is in no usage catalog that is valid, orderable and selectable for the subscription then. */
    USAGE_SERVICE_NOT_ORDERABLE(Kind.REFUSED),
    /** The subscription does not have the termed service a usage service needs, effective on the usage date. */
    RELATED_SERVICE_NOT_EFFECTIVE(Kind.REFUSED),
    SCHEDULED_ACTION_NOT_FOUND(Kind.NOT_FOUND),
    /** The scheduled action exists, but it was scheduled after the instant asked for ({@code ?asOf=}). */
    SCHEDULED_ACTION_NOT_YET_SCHEDULED(Kind.NOT_FOUND),
    /** No deactivation or reactivation run definition with that id. */
    RUN_DEFINITION_NOT_FOUND(Kind.NOT_FOUND),
    /** The run definition exists, but it was created after the instant asked for ({@code ?asOf=}). */
    RUN_DEFINITION_NOT_YET_CREATED(Kind.NOT_FOUND),
    /** No deactivation or reactivation run with that id. */
    COLLECTION_RUN_NOT_FOUND(Kind.NOT_FOUND),
    /** The collection run exists, but it was started after the instant asked for ({@code ?asOf=}). */
    COLLECTION_RUN_NOT_YET_STARTED(Kind.NOT_FOUND),
    /** No additive discount definition with that code in the catalog. */
    DISCOUNT_DEFINITION_NOT_FOUND(Kind.REFUSED),
    /** The definition is a draft or withdrawn: only EFFECTIVE definitions may be added. */
    DISCOUNT_DEFINITION_NOT_EFFECTIVE(Kind.REFUSED),
    /** The definition is applied by billing (auto apply), not added by an agent. */
    DISCOUNT_NOT_AD_HOC(Kind.REFUSED),
    /** The definition is for jobs, not subscriptions. */
    DISCOUNT_NOT_FOR_SUBSCRIPTIONS(Kind.REFUSED),
    /** The definition is for subscriptions, not jobs. */
    DISCOUNT_NOT_FOR_JOBS(Kind.REFUSED),
    /** The date the discount is added is outside the definition's validity. */
    DISCOUNT_DEFINITION_NOT_VALID(Kind.REFUSED),
    /** The value is not of the definition's kind, or its sign or precision is wrong. */
    DISCOUNT_VALUE_INVALID(Kind.REFUSED),
    /** The value is outside the definition's range (or differs from its single value). */
    DISCOUNT_VALUE_OUT_OF_RANGE(Kind.REFUSED),
    /** The caller's units are not among the definition's allowed organisational units. */
    DISCOUNT_UNIT_NOT_ALLOWED(Kind.REFUSED),
    /** A section of the definition's criteria does not hold for the subscription. */
    DISCOUNT_CRITERIA_NOT_MET(Kind.REFUSED),
    /** The definition's applications per period are used up (applied, or held by discounts pending or approved). */
    DISCOUNT_APPLICATIONS_EXHAUSTED(Kind.REFUSED),
    /** No discount with that id on the subscription. */
    DISCOUNT_NOT_FOUND(Kind.NOT_FOUND),
    /** The discount is not pending approval: it was approved, rejected or removed already. */
    DISCOUNT_NOT_PENDING(Kind.CONFLICT),
    /** The discount was removed (or rejected) already. */
    DISCOUNT_ALREADY_REMOVED(Kind.CONFLICT),
    /** The caller is neither a user nor a member of a unit the definition's approval names. */
    DISCOUNT_APPROVAL_NOT_ALLOWED(Kind.FORBIDDEN),
    SCHEDULED_ACTION_NOT_PENDING(Kind.CONFLICT),
    BILL_NOT_FOUND(Kind.NOT_FOUND),
    /** The bill exists, but it was issued after the instant asked for ({@code ?asOf=}). */
    BILL_NOT_YET_ISSUED(Kind.NOT_FOUND),
    /** A payment named a bill that is not open on the account: unknown, of another account, or settled already. */
    BILL_NOT_OPEN(Kind.REFUSED),
    /** A credit note for more than its bill still has uncredited (the bill's total less its earlier credit notes). */
    CREDIT_NOTE_EXCEEDS_BILL(Kind.REFUSED),
    /** No credit note with that id. */
    CREDIT_NOTE_NOT_FOUND(Kind.NOT_FOUND),
    BILL_RUN_NOT_FOUND(Kind.NOT_FOUND),
    /** The bill run exists, but it was started after the instant asked for ({@code ?asOf=}). */
    BILL_RUN_NOT_YET_STARTED(Kind.NOT_FOUND),
    DEAD_LETTER_NOT_FOUND(Kind.NOT_FOUND),
    NOT_FOUND(Kind.NOT_FOUND),
    /** No organisational unit with that code. */
    UNIT_NOT_FOUND(Kind.NOT_FOUND),
    /** The unit exists, but it was created after the instant asked for ({@code ?asOf=}). */
    UNIT_NOT_YET_CREATED(Kind.NOT_FOUND),
    /** A unit with that code exists with another definition. */
    UNIT_EXISTS(Kind.CONFLICT),
    /** No user of the ledger with that name. */
    USER_NOT_FOUND(Kind.NOT_FOUND),
    /** The user exists, but was created after the instant asked for ({@code ?asOf=}). */
    USER_NOT_YET_CREATED(Kind.NOT_FOUND),
    /** A user with that name exists with other details. */
    USER_EXISTS(Kind.CONFLICT),
    /** A rule of the organisation refuses the change: an unknown unit or role, a unit under its own descendant. */
    ORGANISATION_RULE_VIOLATED(Kind.REFUSED),
    /** The path exists, the HTTP method does not (the {@code Allow} header says which do). */
    METHOD_NOT_ALLOWED(Kind.METHOD_NOT_ALLOWED),
    /** The client accepts no representation the ledger has ({@code application/json}, problem+json). */
    NOT_ACCEPTABLE(Kind.NOT_ACCEPTABLE),
    /** The body is not {@code application/json}. */
    UNSUPPORTED_MEDIA_TYPE(Kind.UNSUPPORTED_MEDIA_TYPE),
    /** A header, the request line or the body is larger than the ledger reads. */
    REQUEST_TOO_LARGE(Kind.TOO_LARGE),
    ACCESS_DENIED(Kind.FORBIDDEN),
    /** No credentials, or credentials the ledger does not accept (a wrong password, an expired or foreign token). */
    UNAUTHENTICATED(Kind.UNAUTHENTICATED),
    /** Too many failed logins for the user name or from the address: password checks wait ({@code Retry-After}). */
    TOO_MANY_FAILED_LOGINS(Kind.TOO_MANY_REQUESTS),
    /** The customer-login activation token is unknown, used, replaced by a newer one or expired. */
    ACTIVATION_TOKEN_INVALID(Kind.REFUSED),
    /** The test clock is off on this node: it runs with the system's clock (ledger.clock.adjustable=false). */
    CLOCK_NOT_ADJUSTABLE(Kind.CONFLICT),
    /** The ledger's clock only moves forward. */
    CLOCK_CANNOT_GO_BACK(Kind.CONFLICT),
    /** No webhook endpoint with that id. */
    WEBHOOK_ENDPOINT_NOT_FOUND(Kind.NOT_FOUND),
    /** No webhook delivery with that id. */
    WEBHOOK_DELIVERY_NOT_FOUND(Kind.NOT_FOUND),
    /** Only a delivery that ran out of attempts is retried by hand; a pending one is still being retried. */
    WEBHOOK_DELIVERY_NOT_FAILED(Kind.CONFLICT),
    /** A projection check is already running (one at a time, whichever node asks); ask again when it has finished. */
    PROJECTION_CHECK_RUNNING(Kind.CONFLICT),
    INTERNAL_ERROR(Kind.INTERNAL),
    /** The ledger cannot reach its database for the moment; nothing was recorded, the request may be repeated. */
    DATABASE_UNAVAILABLE(Kind.UNAVAILABLE);

    /** What sort of failure a code is, and the one HTTP status the API answers it with. */
    public enum Kind {
        /** Malformed or invalid input, rejected before anything is recorded. */
        INVALID(400),
        /** The thing addressed does not exist. */
        NOT_FOUND(404),
        /** The request conflicts with the current state or with a concurrent request. */
        CONFLICT(409),
        /** A well-formed request that a business rule refuses. */
        REFUSED(422),
        /** The caller is not known: no credentials, or ones the ledger does not accept. */
        UNAUTHENTICATED(401),
        /** The caller may not do this. */
        FORBIDDEN(403),
        /** Refused before any check runs, for a while: the answer says when to try again ({@code Retry-After}). */
        TOO_MANY_REQUESTS(429),
        METHOD_NOT_ALLOWED(405),
        NOT_ACCEPTABLE(406),
        UNSUPPORTED_MEDIA_TYPE(415),
        TOO_LARGE(413),
        /** Our fault. */
        INTERNAL(500),
        /** Temporarily unable to serve; the answer says when to try again ({@code Retry-After}). */
        UNAVAILABLE(503);

        private final int httpStatus;

        Kind(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }

    private final Kind kind;

    ErrorCode(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
