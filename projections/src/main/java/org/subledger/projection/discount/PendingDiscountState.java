package org.subledger.projection.discount;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * What one batch of events does to the discount state, written by {@link DiscountStateProjection} just before the
 * batch commits. The statements on {@code subscription_discount} run in event order (an auto-apply discount's row
 * made by its first application must exist before a removal in the same batch updates it), each run of consecutive
 * statements with the same SQL as one JDBC batch, which the driver sends as one multi-row insert.
 *
 * <p>No statement here is an upsert that updates ({@code on conflict … do update}): a multi-row insert that meets one
 * key twice (a discount's row from two bills in one batch) simply keeps the first.
 */
final class PendingDiscountState {

    private record Statement(String sql, Object[] arguments) {
    }

    private final List<Statement> discounts = new ArrayList<>();

    /** A statement on {@code subscription_discount}, run in the order added. */
    void discount(String sql, Object[] arguments) {
        discounts.add(new Statement(sql, arguments));
    }

    void write(JdbcTemplate jdbc) {
        int start = 0;
        while (start < discounts.size()) {
            String sql = discounts.get(start).sql();
            List<Object[]> run = new ArrayList<>();
            int end = start;
            while (end < discounts.size() && discounts.get(end).sql().equals(sql)) {
                run.add(discounts.get(end).arguments());
                end++;
            }
            jdbc.batchUpdate(sql, run);
            start = end;
        }
    }
}
