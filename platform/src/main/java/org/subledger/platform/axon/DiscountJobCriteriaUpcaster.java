package org.subledger.platform.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.subledger.kernel.catalog.AdditiveDiscountAmended;
import org.subledger.kernel.catalog.AdditiveDiscountCreated;

/**
 * Revision 1 of {@link AdditiveDiscountCreated} and {@link AdditiveDiscountAmended} predates job discounts' criteria
 * and maturity: its criteria did not restrict jobs ({@code "job": {"completedLaterThanExpected": false}}) nor
 * maturity (none given: {@code null}), and they become revision 2.
 */
public class DiscountJobCriteriaUpcaster extends NextRevisionUpcaster {

    public DiscountJobCriteriaUpcaster() {
        super("1", "2", DiscountJobCriteriaUpcaster::anyJob, AdditiveDiscountCreated.class,
                AdditiveDiscountAmended.class);
    }

    private static JsonNode anyJob(JsonNode payload) {
        if (payload.get("definition") instanceof ObjectNode definition
                && definition.get("criteria") instanceof ObjectNode criteria && !criteria.has("job")) {
            criteria.putObject("job").put("completedLaterThanExpected", false);
        }
        return payload;
    }
}
