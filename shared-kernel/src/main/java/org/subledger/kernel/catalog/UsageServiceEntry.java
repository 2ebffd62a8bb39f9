package org.subledger.kernel.catalog;

import org.subledger.kernel.rating.UsageRate;

/**
 * A usage service in a usage catalog (a PPV event, a VOD title): its rate (base and time-of-day amounts), the id the
 * provider provisions it by, when it may be ordered, and the termed service a subscription needs to order it.
 */
public record UsageServiceEntry(String productCode,
                                String provisioningId,
                                UsageRate rate,
                                Validity orderable,
                                String relatedTermedService) {

    public UsageServiceEntry {
        orderable = orderable == null ? Validity.ALWAYS : orderable;
    }
}
