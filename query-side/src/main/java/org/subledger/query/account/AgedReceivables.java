package org.subledger.query.account;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.subledger.kernel.access.AccessScope;
import org.subledger.kernel.money.Money;
import org.subledger.query.access.ReadScopes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/**
 * Aged receivables from the open items ({@code receivable_open_item}): what each account owes by days past the due
 * date on a given day (0–30, which includes what is not due yet, 31–60, 61–90, over 90), and the totals per
 * currency; only accounts {@code scope} may read.
 */
@Component
class AgedReceivables {

    private static final String BUCKETS = """
            coalesce(sum(open_amount) filter (where cast(:today as date) - due_date <= 30), 0) as days_0_30,
            coalesce(sum(open_amount) filter (where cast(:today as date) - due_date between 31 and 60), 0) as days_31_60,
            coalesce(sum(open_amount) filter (where cast(:today as date) - due_date between 61 and 90), 0) as days_61_90,
            coalesce(sum(open_amount) filter (where cast(:today as date) - due_date > 90), 0) as days_over_90,
            sum(open_amount) as total""";

    private final NamedParameterJdbcTemplate jdbc;

    AgedReceivables(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One row of aged amounts, of an account or the total of a currency ({@code accountId} absent). */
    public record AgedRow(String accountId, String currency, Money days0to30, Money days31to60,
                          Money days61to90, Money daysOver90, Money total) {
    }

    /** A page of the accounts owing something (account id order), and the totals of all of them. */
    public record AgedPage(LocalDate asOf, List<AgedRow> accounts, List<AgedRow> totals, int page, int size) {
    }

    AgedPage on(LocalDate today, int page, int size, AccessScope scope) {
        var parameters = new MapSqlParameterSource("today", today).addValue("limit", size)
                .addValue("offset", (long) page * size);
        String visible = ReadScopes.condition(scope, parameters);
        String where = "open_amount > 0" + (visible == null ? ""
                : " and account_id in (select account_id from account_summary where " + visible + ")");
        List<AgedRow> accounts = jdbc.query("select account_id, min(currency) as currency, " + BUCKETS
                + " from receivable_open_item where " + where
                + " group by account_id order by account_id limit :limit offset :offset", parameters,
                (rs, row) -> row(rs, rs.getString("account_id")));
        List<AgedRow> totals = jdbc.query("select currency, " + BUCKETS + " from receivable_open_item where "
                + where + " group by currency order by currency", parameters, (rs, row) -> row(rs, null));
        return new AgedPage(today, accounts, totals, page, size);
    }

    private static AgedRow row(ResultSet rs, String accountId) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency").trim());
        return new AgedRow(accountId, currency.getCurrencyCode(), amount(rs, "days_0_30", currency),
                amount(rs, "days_31_60", currency), amount(rs, "days_61_90", currency),
                amount(rs, "days_over_90", currency), amount(rs, "total", currency));
    }

    private static Money amount(ResultSet rs, String column, Currency currency) throws SQLException {
        return Money.of(rs.getBigDecimal(column), currency);
    }
}
