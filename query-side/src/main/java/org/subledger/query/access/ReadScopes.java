package org.subledger.query.access;

import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.subledger.kernel.access.AccessScope;
import org.subledger.kernel.error.LedgerRefusal;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * What a reader may see. One record: checked against the owning unit the read model already returned (no further
 * query), and refused exactly as a missing record is, marked as an access refusal for the audit trail. Lists: one SQL
 * condition on the indexed {@code owning_unit} column, none for super users and super readers.
 */
public final class ReadScopes {

    private ReadScopes() {
    }

    /** The account, if {@code scope} may read it; else the {@code missing} refusal, as for an unknown account. */
    public static void requireAccount(AccessScope scope, String accountId, String owningUnit, LedgerRefusal missing) {
        if (scope != null && !scope.mayReadAccount(accountId, owningUnit)) {
            throw LedgerRefusal.outOfScope(missing.code(), "account", accountId, missing.getMessage(),
                    missing.fields());
        }
    }

    /** A customer reads its own accounts' subscriptions; staff those of units they may read. */
    public static void requireSubscription(AccessScope scope, String subscriptionId, String accountId,
                                           String owningUnit, LedgerRefusal missing) {
        if (scope != null && !scope.mayReadAccount(accountId, owningUnit)) {
            throw LedgerRefusal.outOfScope(missing.code(), "subscription", subscriptionId, missing.getMessage(),
                    missing.fields());
        }
    }

    /**
     * The SQL condition limiting a list of {@code account_summary} or {@code subscription_summary} rows to what
     * {@code scope} may read, its parameters added to {@code parameters}; {@code null} when it may read everything.
     */
    public static String condition(AccessScope scope, MapSqlParameterSource parameters) {
        if (scope == null) {
            return null;
        }
        if (scope.isCustomer()) {
            parameters.addValue("visibleAccounts", array(scope.customerAccounts().toArray(String[]::new)));
            return "account_id = any(:visibleAccounts)";
        }
        if (scope.superUser() || scope.superReader()) {
            return null;
        }
        parameters.addValue("visibleUnits", array(scope.units().toArray(String[]::new)));
        return "(owning_unit = any(:visibleUnits) or owning_unit is null)";
    }

    /**
     * {@code select count(*)} of the rows of {@code table} meeting {@code conditions} that {@code scope} may read. For
     * staff of some units it adds up two counts, of their units' rows and of the rows of no unit, each an index scan
     * on {@code owning_unit}: one count with the OR reads the whole table (measured at 100,000 accounts: 16 ms
     * against 12 ms for today's unfiltered count).
     */
    public static String count(String table, List<String> conditions, AccessScope scope,
                               MapSqlParameterSource parameters) {
        String visible = condition(scope, parameters);
        if (visible == null || scope.isCustomer()) {
            List<String> all = new ArrayList<>(conditions);
            if (visible != null) {
                all.add(visible);
            }
            return "select count(*) from " + table + where(all);
        }
        List<String> ofUnits = new ArrayList<>(conditions);
        ofUnits.add("owning_unit = any(:visibleUnits)");
        List<String> ofNoUnit = new ArrayList<>(conditions);
        ofNoUnit.add("owning_unit is null");
        return "select (select count(*) from " + table + where(ofUnits) + ") + (select count(*) from " + table
                + where(ofNoUnit) + ")";
    }

    /**
     * The rows of {@code table} meeting {@code conditions} that {@code scope} may read, as a source to page through
     * in {@code order}: for staff of some units, one ordered scan per unit (and one for rows of no unit) on an index
     * of {@code (owning_unit, <order>)}, which PostgreSQL merges, so a deep page reads about as many rows as it skips
     * instead of also every row of other units on the way. {@code null} when one plain scan serves.
     */
    public static String pagedSource(String table, String columns, List<String> conditions, String order,
                                      AccessScope scope, MapSqlParameterSource parameters) {
        if (scope == null || scope.isCustomer() || scope.superUser() || scope.superReader()) {
            return null;
        }
        List<String> branches = new ArrayList<>();
        int i = 0;
        for (String unit : scope.units()) {
            parameters.addValue("unit" + i, unit);
            branches.add(branch(table, columns, conditions, "owning_unit = :unit" + i++, order));
        }
        branches.add(branch(table, columns, conditions, "owning_unit is null", order));
        return "(" + String.join(" union all ", branches) + ") visible";
    }

    private static String branch(String table, String columns, List<String> conditions, String unit, String order) {
        List<String> all = new ArrayList<>(conditions);
        all.add(unit);
        return "(select " + columns + " from " + table + where(all) + " order by " + order
                + " limit :offset + :limit)";
    }

    private static String where(List<String> conditions) {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private static SqlParameterValue array(String[] values) {
        return new SqlParameterValue(Types.ARRAY, values);
    }
}
