package org.subledger.query.account;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import org.subledger.kernel.collections.AmountBasis;
import org.subledger.kernel.money.Money;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who owes what overdue, from the open items the {@code receivable-open-items} projection keeps: the one place the
 * question "accounts with more than X open on bills due before D" is asked in SQL (the account list's filter, and
 * whoever selects accounts to chase, such as a deactivation run, use it), per account or per subscription (a
 * subscription owes what its own bills leave open). An item counts from the day after its due date: due before
 * {@code dueBefore}. Amounts are in each account's own currency.
 */
@Component
public class OverdueAccounts {

    /** An account's overdue figures: what it owes on items due before the date, and the earliest such due date. */
    public record Overdue(String accountId, Money amount, LocalDate oldestDueDate) {
    }

    /**
     * The SQL condition on an {@code account_id} column: the account owes more than {@code :overdueMoreThan} on
     * items due before {@code :dueBefore} (the parameters {@link #parameters} adds).
     */
    static final String OWING_MORE_THAN = owingMoreThan(AmountBasis.ACCOUNT, "account_id");

    /**
     * The SQL condition on {@code column}, an account id ({@code ACCOUNT}) or a subscription id ({@code SUBSCRIPTION}):
     * it owes more than {@code :overdueMoreThan} on items due before {@code :dueBefore} (the parameters
     * {@link #parameters} adds). Per subscription only its own sections of bills count (a bill of one subscription is
     * one section; a bill per account has a section per subscription, each owing its part of what the bill leaves
     * open, {@link org.subledger.kernel.account.SectionsOpen}); a charge or adjustment posted to the account belongs
     * to no subscription.
     */
    public static String owingMoreThan(AmountBasis basis, String column) {
        String owner = basis == AmountBasis.SUBSCRIPTION ? "subscription_id" : "account_id";
        String table = basis == AmountBasis.SUBSCRIPTION ? "receivable_open_item_section" : "receivable_open_item";
        return """
                %1$s in (select %2$s from %3$s
                         where open_amount > 0 and due_date < :dueBefore and %2$s is not null
                         group by %2$s having sum(open_amount) > :overdueMoreThan)""".formatted(column, owner, table);
    }

    private final NamedParameterJdbcTemplate jdbc;

    OverdueAccounts(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static MapSqlParameterSource parameters(MapSqlParameterSource parameters, BigDecimal moreThan,
                                            LocalDate dueBefore) {
        return parameters.addValue("overdueMoreThan", moreThan).addValue("dueBefore", dueBefore);
    }

    /**
     * The accounts owing more than {@code moreThan} on items due before {@code dueBefore}, in account id order, at
     * most {@code limit} after {@code afterAccountId} (null: from the first), so a caller can walk through all of
     * them in batches.
     */
    public List<Overdue> owingMoreThan(BigDecimal moreThan, LocalDate dueBefore, String afterAccountId, int limit) {
        var parameters = parameters(new MapSqlParameterSource(), moreThan, dueBefore)
                .addValue("after", afterAccountId == null ? "" : afterAccountId).addValue("limit", limit);
        return jdbc.query("""
                select account_id, min(currency) as currency, sum(open_amount) as amount,
                       min(due_date) as oldest_due_date
                from receivable_open_item
                where open_amount > 0 and due_date < :dueBefore and account_id > :after
                group by account_id having sum(open_amount) > :overdueMoreThan
                order by account_id limit :limit""", parameters, (rs, row) -> overdue(rs));
    }

    /** The overdue figures of one account on {@code today}; null when nothing is overdue. */
    public Overdue of(String accountId, LocalDate today) {
        return of(List.of(accountId), today).get(accountId);
    }

    /** The overdue figures on {@code today} of each account given (an account owing nothing overdue is absent). */
    public Map<String, Overdue> of(Collection<String> accountIds, LocalDate today) {
        Map<String, Overdue> overdue = new HashMap<>();
        if (accountIds.isEmpty()) {
            return overdue;
        }
        var parameters = new MapSqlParameterSource("accountIds", accountIds).addValue("dueBefore", today);
        jdbc.query("""
                select account_id, min(currency) as currency, sum(open_amount) as amount,
                       min(due_date) as oldest_due_date
                from receivable_open_item
                where account_id in (:accountIds) and open_amount > 0 and due_date < :dueBefore
                group by account_id""", parameters, rs -> {
            Overdue figures = overdue(rs);
            overdue.put(figures.accountId(), figures);
        });
        return overdue;
    }

    private static Overdue overdue(ResultSet rs) throws SQLException {
        return new Overdue(rs.getString("account_id"),
                Money.of(rs.getBigDecimal("amount"), Currency.getInstance(rs.getString("currency").trim())),
                rs.getObject("oldest_due_date", LocalDate.class));
    }
}
