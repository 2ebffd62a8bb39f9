package org.subledger.query.billing;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.subledger.kernel.billing.query.BillSummary;
import org.subledger.kernel.money.Money;

import java.math.BigDecimal;
import java.util.List;

/**
 * The account's balance before a bill, from the account statement ({@code account_statement_line}): the running
 * balance less the bill's own effect on the line that posted it (referred to by the bill's number). A bill the
 * statement has not caught up with yet comes after everything posted so far, so its balance brought forward is the
 * statement's last running balance (zero on an empty statement).
 */
@Component
class BalanceBroughtForward {

    private final NamedParameterJdbcTemplate jdbc;

    BalanceBroughtForward(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Money of(BillSummary bill) {
        var parameters = new MapSqlParameterSource("accountId", bill.accountId())
                .addValue("billNumber", bill.billNumber());
        List<BigDecimal> before = jdbc.queryForList("""
                select running_balance - balance_effect from account_statement_line
                where account_id = :accountId and entry_type = 'BILL' and reference = :billNumber
                order by sequence_number limit 1""", parameters, BigDecimal.class);
        if (before.isEmpty()) {
            before = jdbc.queryForList("""
                    select running_balance from account_statement_line where account_id = :accountId
                    order by sequence_number desc limit 1""", parameters, BigDecimal.class);
        }
        return Money.of(before.isEmpty() ? BigDecimal.ZERO : before.get(0), bill.total().currency());
    }
}
