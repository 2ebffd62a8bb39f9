package org.subledger.query.account;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.subledger.kernel.account.AccountPage;
import org.subledger.kernel.account.AccountStatus;
import org.subledger.kernel.account.AccountSummary;
import org.subledger.kernel.account.CustomerType;
import org.subledger.kernel.account.FindAccount;
import org.subledger.kernel.account.FindAccountStatement;
import org.subledger.kernel.account.ListAccounts;
import org.subledger.kernel.account.StatementLine;
import org.subledger.kernel.account.StatementPage;
import org.subledger.kernel.money.Money;
import org.subledger.query.access.ReadScopes;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * Answers the account queries from the read models the projections keep ({@code account_summary},
 * {@code account_statement_line}). Pages are stable: accounts in opening order, statements in posting order.
 */
@Component
class AccountQueryHandler {

    /** The largest page any account query returns, whoever asks. */
    static final int MAX_PAGE_SIZE = 500;

    private static final String SUMMARY_COLUMNS = """
            account_id, customer_type, name, currency, credit_limit, balance, status, closed, credit_rating,
            classification, opened_by, opened_at, last_movement_at, version, owning_unit""";

    private static final RowMapper<AccountSummary> SUMMARY = (rs, row) -> {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        return new AccountSummary(rs.getString("account_id"),
                CustomerType.valueOf(rs.getString("customer_type")),
                rs.getString("name"),
                currency.getCurrencyCode(),
                money(rs.getBigDecimal("credit_limit"), currency),
                money(rs.getBigDecimal("balance"), currency),
                AccountStatus.valueOf(rs.getString("status")),
                rs.getBoolean("closed"),
                rs.getString("credit_rating"),
                rs.getString("classification"),
                rs.getString("opened_by"),
                instant(rs, "opened_at"),
                instant(rs, "last_movement_at"),
                rs.getLong("version"),
                rs.getString("owning_unit"));
    };

    private static final RowMapper<StatementLine> LINE = (rs, row) -> {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        return new StatementLine(rs.getLong("sequence_number"),
                rs.getString("posting_id"),
                rs.getString("entry_type"),
                instant(rs, "posted_at"),
                rs.getString("narrative"),
                rs.getString("reference"),
                money(rs.getBigDecimal("amount"), currency),
                money(rs.getBigDecimal("balance_effect"), currency),
                money(rs.getBigDecimal("running_balance"), currency));
    };

    private final NamedParameterJdbcTemplate jdbc;

    AccountQueryHandler(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Optional<AccountSummary> handle(FindAccount query) {
        return jdbc.query("select " + SUMMARY_COLUMNS + " from account_summary where account_id = :accountId",
                new MapSqlParameterSource("accountId", query.accountId()), SUMMARY).stream().findFirst();
    }

    @QueryHandler
    AccountPage handle(ListAccounts query) {
        int page = Math.max(query.page(), 0);
        int size = pageSize(query.size());
        var parameters = paging(page, size);
        List<String> conditions = new ArrayList<>();
        if (query.status() != null) {
            conditions.add("status = :status");
            parameters.addValue("status", query.status().name());
        }
        if (query.dueBefore() != null && query.overdueMoreThan() != null) {
            conditions.add(OverdueAccounts.OWING_MORE_THAN);
            OverdueAccounts.parameters(parameters, query.overdueMoreThan(), query.dueBefore());
        }
        String countSql = ReadScopes.count("account_summary", conditions, query.scope(), parameters);
        String source = ReadScopes.pagedSource("account_summary", SUMMARY_COLUMNS, conditions,
                "opened_at, account_id", query.scope(), parameters);
        if (source == null) {
            String visible = ReadScopes.condition(query.scope(), parameters);
            if (visible != null) {
                conditions.add(visible);
            }
            source = "account_summary" + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions));
        }
        List<AccountSummary> content = jdbc.query("select " + SUMMARY_COLUMNS + " from " + source
                + " order by opened_at, account_id limit :limit offset :offset", parameters, SUMMARY);
        long total = count(countSql, parameters);
        return new AccountPage(content, page, size, total);
    }

    @QueryHandler
    StatementPage handle(FindAccountStatement query) {
        int page = Math.max(query.page(), 0);
        int size = pageSize(query.size());
        var parameters = paging(page, size).addValue("accountId", query.accountId());
        List<StatementLine> content = jdbc.query("""
                select sequence_number, posting_id, entry_type, posted_at, narrative, reference, amount,
                       balance_effect, running_balance, currency
                from account_statement_line where account_id = :accountId
                order by sequence_number limit :limit offset :offset""", parameters, LINE);
        long total = count("select count(*) from account_statement_line where account_id = :accountId", parameters);
        return new StatementPage(query.accountId(), content, page, size, total);
    }

    private long count(String sql, MapSqlParameterSource parameters) {
        Long count = jdbc.queryForObject(sql, parameters, Long.class);
        return count == null ? 0 : count;
    }

    private static int pageSize(int requested) {
        return Math.min(Math.max(requested, 1), MAX_PAGE_SIZE);
    }

    private static MapSqlParameterSource paging(int page, int size) {
        return new MapSqlParameterSource("limit", size).addValue("offset", (long) page * size);
    }

    private static Money money(BigDecimal amount, Currency currency) {
        return amount == null ? null : Money.of(amount, currency);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
