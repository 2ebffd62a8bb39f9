package org.subledger.kernel.subscription;

import java.math.BigDecimal;

/**
 * Public use of a subscription (a restaurant, a hotel): its services are used {@code concurrentUses} times at once,
 * billed at the rate percentage agreed with the customer: price plan rate x concurrent uses x rate percent / 100.
 */
public record ConcurrentUsage(int concurrentUses, BigDecimal ratePercent) {
}
