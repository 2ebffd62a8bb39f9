package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every subscription of the sample catalog gets its start-up fee as a bill of its own (kind EVENT_CHARGE) as soon as
 * it is created. Tests about the bills of bill runs, usage or discounts count and pick those: they read an account's
 * bill page through this, which leaves the event-charge bills out.
 */
final class BillLists {

    private BillLists() {
    }

    /** A copy of the page of bills without its EVENT_CHARGE bills. */
    static JsonNode withoutEventChargeBills(JsonNode page) {
        if (!page.path("content").isArray()) {
            return page;
        }
        ObjectNode copy = ((ObjectNode) page).deepCopy();
        ArrayNode content = copy.putArray("content");
        page.get("content").forEach(bill -> {
            if (!"EVENT_CHARGE".equals(bill.path("kind").asText())) {
                content.add(bill);
            }
        });
        return copy;
    }
}
