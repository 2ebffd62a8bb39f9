package org.subledger.platform.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.subledger.kernel.billing.BillIssued;

/**
 * Revision 1 of {@link BillIssued} predates bills per account: every such bill billed one subscription, so it gets
 * one section with all its lines, its period and its total (a job's bill, of no subscription, gets none), and it
 * becomes revision 2.
 */
public class BillSectionsUpcaster extends NextRevisionUpcaster {

    public BillSectionsUpcaster() {
        super("1", "2", BillSectionsUpcaster::oneSection, BillIssued.class);
    }

    private static JsonNode oneSection(JsonNode payload) {
        if (!(payload instanceof ObjectNode bill) || bill.has("sections")) {
            return payload;
        }
        ArrayNode sections = bill.putArray("sections");
        JsonNode subscriptionId = bill.get("subscriptionId");
        if (subscriptionId != null && !subscriptionId.isNull()) {
            ObjectNode section = JsonNodeFactory.instance.objectNode();
            section.set("subscriptionId", subscriptionId);
            section.set("periodFrom", bill.get("periodFrom"));
            section.set("periodTo", bill.get("periodTo"));
            section.put("firstLineNo", 1);
            section.put("lastLineNo", bill.has("lines") ? bill.get("lines").size() : 0);
            section.set("total", bill.get("total"));
            section.set("taxTotal", bill.get("taxTotal"));
            sections.add(section);
        }
        return payload;
    }
}
