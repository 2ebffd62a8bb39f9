package org.subledger.query.billing;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.subledger.kernel.billing.query.BillSummary;

import java.util.Arrays;
import java.util.List;

/**
 * The postal address a bill goes to ({@code bill_address}): its subscription's billing address, else the account's
 * contact address, as lines (an address is written with line breaks or commas); empty when neither is known.
 */
@Component
class BillAddresses {

    private final JdbcTemplate jdbc;

    BillAddresses(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<String> of(BillSummary bill) {
        List<String> found = jdbc.queryForList("""
                select address from bill_address where owner_id in (?, ?)
                order by case when owner_id like 'subscription:%' then 0 else 1 end limit 1""", String.class,
                "subscription:" + bill.subscriptionId(), "account:" + bill.accountId());
        return found.isEmpty() ? List.of() : lines(found.get(0));
    }

    static List<String> lines(String address) {
        return Arrays.stream(address.split("\\R|,")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
