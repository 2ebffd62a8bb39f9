package org.subledger.kernel.catalog;

import org.subledger.kernel.input.Name;
import java.util.List;

/**
 * A kind of job (installation, repair): the expenses and physical goods that jobs of this type may sell, and when
 * they are billed ({@link JobBillingMoment}; none given: on completion).
 */
public record JobTypeDefinition(String code, @Name String name, List<String> allowedProducts,
                                JobBillingMoment billingMoment) {

    public JobTypeDefinition {
        allowedProducts = List.copyOf(allowedProducts == null ? List.of() : allowedProducts);
        billingMoment = billingMoment == null ? JobBillingMoment.ON_COMPLETION : billingMoment;
    }

    /** A job type billed on completion. */
    public JobTypeDefinition(String code, String name, List<String> allowedProducts) {
        this(code, name, allowedProducts, JobBillingMoment.ON_COMPLETION);
    }
}
