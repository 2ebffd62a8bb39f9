package org.subledger.platform.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.subledger.kernel.billing.BillPosted;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Revision 1 of {@link BillPosted} had no due date: it gets the date (UTC) the event was recorded, the day the bill
 * was posted, and becomes revision 2. The account's stream never knew the bill's payment term, and an upcaster reads
 * one event, not the bill's own stream: so an old bill counts as due the day it was billed, and so as overdue a day
 * later. Not a {@link NextRevisionUpcaster}: the value comes from the event's timestamp, not from its payload.
 */
public class BillPostedDueDateUpcaster extends SingleEventUpcaster {

    private static final String TYPE = BillPosted.class.getName();

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return TYPE.equals(representation.getType().getName()) && "1".equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        LocalDate posted = LocalDate.ofInstant(representation.getTimestamp(), ZoneOffset.UTC);
        return representation.upcastPayload(new SimpleSerializedType(TYPE, "2"), JsonNode.class, payload -> {
            if (payload instanceof ObjectNode bill && !bill.hasNonNull("dueDate")) {
                bill.put("dueDate", posted.toString());
            }
            return payload;
        });
    }
}
