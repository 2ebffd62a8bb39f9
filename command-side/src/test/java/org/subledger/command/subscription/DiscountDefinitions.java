package org.subledger.command.subscription;

import org.subledger.kernel.catalog.AdditiveDiscountDefinition;
import org.subledger.kernel.catalog.ApplicationLimit;
import org.subledger.kernel.catalog.AppliedServiceType;
import org.subledger.kernel.catalog.Approval;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.catalog.DefinitionState;
import org.subledger.kernel.catalog.DiscountClassification;
import org.subledger.kernel.catalog.DiscountCriteria;
import org.subledger.kernel.catalog.DiscountDuration;
import org.subledger.kernel.catalog.DiscountType;
import org.subledger.kernel.catalog.DiscountValue;
import org.subledger.kernel.catalog.DiscountedProducts;
import org.subledger.kernel.catalog.DurationStart;
import org.subledger.kernel.catalog.PeriodUnit;
import org.subledger.kernel.catalog.Validity;

import java.time.LocalDate;
import java.util.List;

import static org.subledger.command.subscription.SubscriptionFixtures.eur;

/**
 * Additive discount definitions for the discount fixtures: a goodwill discount like the manual's D2 (5.00-20.00 on
 * TV packages, 3 a year, approved by the Customer Care Managers, monthly terms only), valid through the fixtures'
 * 2026, and copies of it with one thing changed.
 */
final class DiscountDefinitions {

    static final String GOODWILL = "GOODWILL";
    static final String CARE_MANAGERS = "CUSTOMER-CARE-MANAGERS";

    private DiscountDefinitions() {
    }

    static Builder goodwill() {
        return new Builder();
    }

    /** A definition with every field its goodwill default unless changed. */
    static final class Builder {
        String code = GOODWILL;
        DiscountType type = DiscountType.AD_HOC;
        DiscountClassification classification = DiscountClassification.SUBSCRIPTIONS;
        DefinitionState state = DefinitionState.EFFECTIVE;
        DiscountValue value = DiscountValue.amountBetween(eur("5.00"), eur("20.00"));
        DiscountedProducts products = new DiscountedProducts(List.of(), List.of("TV-PACKAGE"), null);
        Validity validity = new Validity(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1));
        DiscountDuration duration = DiscountDuration.indefinitely(DurationStart.DATE_ADDED);
        ApplicationLimit limit = new ApplicationLimit(3, PeriodUnit.YEARS);
        Approval approval = new Approval(true, List.of("olga"), List.of(CARE_MANAGERS));
        List<String> allowedUnits = List.of();
        DiscountCriteria criteria = new DiscountCriteria(new DiscountCriteria.BillingTermCriteria(null,
                List.of(BillingFrequency.MONTHLY), null), null, null, null, null, null);

        Builder code(String code) {
            this.code = code;
            return this;
        }

        Builder type(DiscountType type) {
            this.type = type;
            return this;
        }

        Builder classification(DiscountClassification classification) {
            this.classification = classification;
            return this;
        }

        Builder state(DefinitionState state) {
            this.state = state;
            return this;
        }

        Builder value(DiscountValue value) {
            this.value = value;
            return this;
        }

        Builder validity(Validity validity) {
            this.validity = validity;
            return this;
        }

        Builder duration(DiscountDuration duration) {
            this.duration = duration;
            return this;
        }

        Builder limit(ApplicationLimit limit) {
            this.limit = limit;
            return this;
        }

        Builder approval(Approval approval) {
            this.approval = approval;
            return this;
        }

        Builder allowedUnits(List<String> units) {
            this.allowedUnits = units;
            return this;
        }

        Builder criteria(DiscountCriteria criteria) {
            this.criteria = criteria;
            return this;
        }

        AdditiveDiscountDefinition build() {
            return new AdditiveDiscountDefinition(code, code + " discount", type, classification,
                    AppliedServiceType.NON_USAGE, state, value, products, validity, duration, limit, approval,
                    allowedUnits, criteria);
        }
    }
}
