package org.subledger.platform.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.subledger.kernel.billing.SubscriptionBilled;

/**
 * Revisions 1 and 2 of {@link SubscriptionBilled} predate the usage tallies a bill records with its usage record ids
 * (revision 1 reaches this as revision 2 through {@link SubscriptionBilledDiscountsUpcaster}): its stored payload gets
 * {@code "usageBilledByDay": null} (not known; whoever folds it holds the records it billed, since they were folded
 * from the stream's start), and it becomes revision 3.
 */
public class SubscriptionBilledUsageTallyUpcaster extends NextRevisionUpcaster {

    public SubscriptionBilledUsageTallyUpcaster() {
        super("2", "3", SubscriptionBilledUsageTallyUpcaster::notKnown, SubscriptionBilled.class);
    }

    private static JsonNode notKnown(JsonNode payload) {
        if (payload instanceof ObjectNode bill && !bill.has("usageBilledByDay")) {
            bill.putNull("usageBilledByDay");
        }
        return payload;
    }
}
