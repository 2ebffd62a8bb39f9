package org.subledger.platform.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.subledger.kernel.billing.SubscriptionBilled;

/**
 * Revision 1 of {@link SubscriptionBilled} predates the usage tallies a bill records with its usage record ids: its
 * stored payload gets {@code "usageBilledByDay": null} (not known; whoever folds it holds the records it billed, since
 * they were folded from the stream's start), and it becomes revision 2.
 */
public class SubscriptionBilledUsageTallyUpcaster extends NextRevisionUpcaster {

    public SubscriptionBilledUsageTallyUpcaster() {
        super("1", "2", SubscriptionBilledUsageTallyUpcaster::notKnown, SubscriptionBilled.class);
    }

    private static JsonNode notKnown(JsonNode payload) {
        if (payload instanceof ObjectNode bill && !bill.has("usageBilledByDay")) {
            bill.putNull("usageBilledByDay");
        }
        return payload;
    }
}
