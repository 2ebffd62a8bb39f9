package org.subledger.platform.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.subledger.kernel.billing.SubscriptionBilled;

/**
 * Revision 1 of {@link SubscriptionBilled} carried no discount applications: a bill's applications were
 * {@code DiscountApplied} events of their own after it, which stay on the stream and are still folded. It reads back
 * with none ({@code "discounts": []}) and becomes revision 2, which carries them inside (issue 12: the bill run's cost
 * of discounts).
 */
public class SubscriptionBilledDiscountsUpcaster extends NextRevisionUpcaster {

    public SubscriptionBilledDiscountsUpcaster() {
        super("1", "2", SubscriptionBilledDiscountsUpcaster::noDiscounts, SubscriptionBilled.class);
    }

    private static JsonNode noDiscounts(JsonNode payload) {
        if (payload instanceof ObjectNode billed && !billed.has("discounts")) {
            billed.putArray("discounts");
        }
        return payload;
    }
}
