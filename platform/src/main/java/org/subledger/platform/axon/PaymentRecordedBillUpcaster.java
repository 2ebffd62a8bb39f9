package org.subledger.platform.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.subledger.kernel.account.PaymentRecorded;

/**
 * Revision 1 of {@link PaymentRecorded} predates payments naming the bill they pay: it gets {@code "billId": null}
 * (no bill named: the oldest open items are settled first) and becomes revision 2.
 */
public class PaymentRecordedBillUpcaster extends NextRevisionUpcaster {

    public PaymentRecordedBillUpcaster() {
        super("1", "2", PaymentRecordedBillUpcaster::noBillNamed, PaymentRecorded.class);
    }

    private static JsonNode noBillNamed(JsonNode payload) {
        if (payload instanceof ObjectNode payment && !payment.has("billId")) {
            payment.putNull("billId");
        }
        return payload;
    }
}
