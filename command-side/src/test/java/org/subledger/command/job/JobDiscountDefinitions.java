package org.subledger.command.job;

import org.subledger.kernel.catalog.AdditiveDiscountDefinition;
import org.subledger.kernel.catalog.AppliedServiceType;
import org.subledger.kernel.catalog.Approval;
import org.subledger.kernel.catalog.DefinitionState;
import org.subledger.kernel.catalog.DiscountClassification;
import org.subledger.kernel.catalog.DiscountCriteria;
import org.subledger.kernel.catalog.DiscountDuration;
import org.subledger.kernel.catalog.DiscountType;
import org.subledger.kernel.catalog.DiscountValue;
import org.subledger.kernel.catalog.DiscountedProducts;
import org.subledger.kernel.catalog.DurationStart;
import org.subledger.kernel.catalog.Validity;
import org.subledger.kernel.money.Money;

import java.math.BigDecimal;
import java.util.List;

/**
 * The seeds' job discounts: D4, 50 % at level 1 on the installation fee of jobs completed later than expected, ad hoc
 * and approved by the Customer Care Managers; D5, 20.00 off that fee, applied by billing on the same criterion.
 */
public final class JobDiscountDefinitions {

    public static final String D4 = "D4-LATE-JOB";
    public static final String D5 = "D5-LATE-JOB";
    public static final String CARE_MANAGERS = "CUSTOMER-CARE-MANAGERS";
    public static final DiscountCriteria LATE = new DiscountCriteria(null, null, null, null, null, null,
            new DiscountCriteria.JobCriteria(true), null, null);

    private JobDiscountDefinitions() {
    }

    public static AdditiveDiscountDefinition d4() {
        return definition(D4, DiscountType.AD_HOC, DiscountValue.percentage(new BigDecimal("50"), 1),
                new Approval(true, List.of(), List.of(CARE_MANAGERS)));
    }

    public static AdditiveDiscountDefinition d5() {
        return definition(D5, DiscountType.AUTO_APPLY, DiscountValue.amount(Money.of("20.00", "EUR")), Approval.NONE);
    }

    public static AdditiveDiscountDefinition definition(String code, DiscountType type, DiscountValue value,
                                                        Approval approval) {
        return new AdditiveDiscountDefinition(code, code + " job discount", type, DiscountClassification.JOBS,
                AppliedServiceType.NON_USAGE, DefinitionState.EFFECTIVE, value,
                new DiscountedProducts(List.of("INSTALLATION-FEE"), null, null), Validity.ALWAYS,
                DiscountDuration.indefinitely(DurationStart.DATE_ADDED), null, approval, List.of(), LATE);
    }
}
