package org.subledger.query.subscription;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.subledger.query.access.ReadScopes;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.subscription.BillingTerms;
import org.subledger.kernel.subscription.ConcurrentUsage;
import org.subledger.kernel.subscription.SubscriptionState;
import org.subledger.kernel.subscription.query.FindInstalledItem;
import org.subledger.kernel.subscription.query.FindSubscription;
import org.subledger.kernel.subscription.query.InstalledItemRecord;
import org.subledger.kernel.subscription.query.ListAccountSubscriptions;
import org.subledger.kernel.subscription.query.ListSubscriptionInstalledItems;
import org.subledger.kernel.subscription.query.ListSubscriptionServices;
import org.subledger.kernel.subscription.query.SubscribedService;
import org.subledger.kernel.subscription.query.SubscriptionSummary;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Answers the subscription queries from the read models the subscription projections keep
 * ({@code subscription_summary}, {@code subscription_service}, {@code installed_item}).
 */
@Component
class SubscriptionQueryHandler {

    private static final String SUMMARY = """
            select subscription_id, account_id, subscription_type_code, state, billing_term_scheme, price_plan,
                   billing_frequency, agreement_date, binding_start_date, binding_end_date, penalty_amount,
                   penalty_currency, concurrent_uses, concurrent_rate_percent, created_on, activated_on,
                   deactivated_on, terminated_on, version, owning_unit
            from subscription_summary""";
    private static final String ITEMS = """
            select serial_number, product_code, subscription_id, account_id, installed_on, removed_on
            from installed_item""";

    private static final RowMapper<SubscriptionSummary> SUBSCRIPTION = (rs, row) -> {
        BigDecimal penalty = rs.getBigDecimal("penalty_amount");
        Integer uses = rs.getObject("concurrent_uses", Integer.class);
        String frequency = rs.getString("billing_frequency");
        var terms = new BillingTerms(rs.getString("billing_term_scheme"), rs.getString("price_plan"),
                frequency == null ? null : BillingFrequency.valueOf(frequency), date(rs, "agreement_date"),
                date(rs, "binding_start_date"), date(rs, "binding_end_date"),
                penalty == null ? null : Money.of(penalty, Currency.getInstance(rs.getString("penalty_currency"))),
                uses == null ? null : new ConcurrentUsage(uses, rs.getBigDecimal("concurrent_rate_percent")));
        return new SubscriptionSummary(rs.getString("subscription_id"), rs.getString("account_id"),
                rs.getString("subscription_type_code"), SubscriptionState.valueOf(rs.getString("state")), terms,
                date(rs, "created_on"), date(rs, "activated_on"), date(rs, "deactivated_on"),
                date(rs, "terminated_on"), rs.getLong("version"), rs.getString("owning_unit"));
    };

    private static final RowMapper<SubscribedService> SERVICE = (rs, row) -> new SubscribedService(
            rs.getString("subscription_id"), rs.getString("product_code"), strings(rs.getArray("components")),
            new LinkedHashSet<>(strings(rs.getArray("distributor_ids"))), rs.getInt("quantity"),
            date(rs, "effective_date"), date(rs, "billable_period_start_date"), date(rs, "billing_effective_date"),
            rs.getString("provisioning_state"));

    private static final RowMapper<InstalledItemRecord> ITEM = (rs, row) -> new InstalledItemRecord(
            rs.getString("serial_number"), rs.getString("product_code"), rs.getString("subscription_id"),
            rs.getString("account_id"), date(rs, "installed_on"), date(rs, "removed_on"));

    private final NamedParameterJdbcTemplate jdbc;

    SubscriptionQueryHandler(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Optional<SubscriptionSummary> handle(FindSubscription query) {
        return jdbc.query(SUMMARY + " where subscription_id = :id", new MapSqlParameterSource("id",
                query.subscriptionId()), SUBSCRIPTION).stream().findFirst();
    }

    @QueryHandler
    List<SubscriptionSummary> handle(ListAccountSubscriptions query) {
        var parameters = new MapSqlParameterSource("id", query.accountId());
        String visible = ReadScopes.condition(query.scope(), parameters);
        return jdbc.query(SUMMARY + " where account_id = :id" + (visible == null ? "" : " and " + visible)
                + " order by created_on, subscription_id", parameters, SUBSCRIPTION);
    }

    @QueryHandler
    List<SubscribedService> handle(ListSubscriptionServices query) {
        return jdbc.query("""
                select subscription_id, product_code, components, distributor_ids, quantity, effective_date,
                       billable_period_start_date, billing_effective_date, provisioning_state
                from subscription_service where subscription_id = :id and removed_on is null
                order by product_code""", new MapSqlParameterSource("id", query.subscriptionId()), SERVICE);
    }

    @QueryHandler
    List<InstalledItemRecord> handle(ListSubscriptionInstalledItems query) {
        return jdbc.query(ITEMS + " where subscription_id = :id and removed_on is null order by serial_number",
                new MapSqlParameterSource("id", query.subscriptionId()), ITEM);
    }

    /** Where it is installed now; if nowhere, where it was installed last. */
    @QueryHandler
    Optional<InstalledItemRecord> handle(FindInstalledItem query) {
        return jdbc.query(ITEMS + """
                 where serial_number = :serial
                order by removed_on is null desc, installed_on desc, version desc limit 1""",
                new MapSqlParameterSource("serial", query.serialNumber()), ITEM).stream().findFirst();
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
