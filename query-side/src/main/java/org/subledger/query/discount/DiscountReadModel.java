package org.subledger.query.discount;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.subledger.kernel.access.AccessScope;
import org.subledger.kernel.catalog.ApplicationLimit;
import org.subledger.kernel.catalog.DiscountKind;
import org.subledger.kernel.catalog.DiscountType;
import org.subledger.kernel.catalog.DiscountValue;
import org.subledger.kernel.catalog.PeriodUnit;
import org.subledger.kernel.catalog.TimeSpan;
import org.subledger.kernel.discount.DiscountStatus;
import org.subledger.kernel.money.Money;
import org.subledger.query.access.ReadScopes;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.subledger.query.discount.DiscountViews.AppliedDiscountsLine;
import static org.subledger.query.discount.DiscountViews.ApplicationView;
import static org.subledger.query.discount.DiscountViews.DiscountStateView;
import static org.subledger.query.discount.DiscountViews.PendingDiscountView;

/**
 * Reads the discount state the {@code discount-state} projection keeps ({@code subscription_discount}, and for jobs
 * {@code job_discount}, {@code job_discount_application}) with a subscription's applications, which are its bills'
 * DISCOUNT lines ({@code bill_line}, one per application: the bill projection's), joined to
 * {@code subscription_summary} (or {@code job_summary}) for the owning unit and the account, which
 * lists are filtered on exactly as the other subscription lists are ({@link ReadScopes}). Like the catalog and
 * organisation read models it reads its tables directly, not through the query bus: only the HTTP API asks.
 */
@Component
class DiscountReadModel {

    /** The most pending discounts one answer lists, oldest first. */
    static final int PENDING_LIMIT = 500;

    private static final String DISCOUNT_COLUMNS = """
            d.subscription_id, d.discount_id, d.definition_code, d.discount_type, d.status, d.value_kind, d.amount,
            d.currency, d.percentage, d.level, d.free_count, d.free_unit, d.limit_times, d.limit_per, d.added_on,
            d.starts_on, d.ends_on, d.removed_on, d.note, d.added_by, d.added_unit, d.added_at, d.decided_by,
            d.decided_at, d.decided_on, d.decision_reason, d.removed_by""";
    /** A job discount's columns under the names of a subscription discount's the pending list reads. */
    private static final String JOB_DISCOUNT_COLUMNS = """
            null as subscription_id, d.job_id, d.discount_id, d.definition_code, d.value_kind, d.amount, d.currency,
            d.percentage, d.level, null::integer as free_count, null::varchar as free_unit, d.added_on, d.added_by,
            d.added_unit, d.added_at, d.note""";

    /** The subscriptions' applications: their bills' DISCOUNT lines (a job's bill has no subscription). */
    private static final String APPLICATIONS = """
            (select subscription_id, reference as discount_id, product_code as definition_code,
                period_from as period_start, -amount as amount, currency, application_number
             from bill_line where kind = 'DISCOUNT' and subscription_id is not null)""";

    private final NamedParameterJdbcTemplate jdbc;

    DiscountReadModel(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every discount of the subscription, in the order added (the caller checked it may read the subscription). */
    List<DiscountStateView> discounts(String subscriptionId, LocalDate today) {
        var parameters = new MapSqlParameterSource("id", subscriptionId);
        Map<String, List<ApplicationView>> applications = jdbc.query("""
                        select l.reference as discount_id, l.bill_id, l.period_from as period_start,
                            l.period_to as period_end, -l.amount as amount, l.currency, l.application_number
                        from bill_line l
                        where l.bill_id in (select bill_id from bill_section where subscription_id = :id)
                          and l.subscription_id = :id and l.kind = 'DISCOUNT'
                        order by l.period_from, l.bill_id, l.line_no""", parameters,
                (rs, row) -> Map.entry(rs.getString("discount_id"), new ApplicationView(rs.getString("bill_id"),
                        date(rs, "period_start"), date(rs, "period_end"), money(rs, "amount", "currency"),
                        rs.getInt("application_number"))))
                .stream().collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue,
                        Collectors.toList())));
        return jdbc.query("select " + DISCOUNT_COLUMNS + " from subscription_discount d"
                        + " where d.subscription_id = :id order by d.added_at, d.discount_id", parameters,
                (rs, row) -> state(rs, applications.getOrDefault(rs.getString("discount_id"), List.of()), today));
    }

    /**
     * The discounts pending approval that {@code scope} may approve: on subscriptions and jobs it may change, of definitions
     * whose approval names the user or one of its units (a super user: all of them). A definition's approvers are
     * read from the catalog read model.
     */
    List<PendingDiscountView> pendingApproval(AccessScope scope) {
        if (scope != null && scope.isCustomer()) {
            return List.of();
        }
        var parameters = new MapSqlParameterSource("limit", PENDING_LIMIT);
        List<String> conditions = new ArrayList<>(List.of("d.status = 'PENDING_APPROVAL'"));
        List<String> jobConditions = new ArrayList<>(conditions);
        if (scope != null && !scope.superUser()) {
            parameters.addValue("principal", scope.principal());
            parameters.addValue("units", new SqlParameterValue(Types.ARRAY, scope.units().toArray(String[]::new)));
            String approver = "(jsonb_exists(c.definition -> 'approval' -> 'userNames', :principal)"
                    + " or jsonb_exists_any(c.definition -> 'approval' -> 'unitCodes', :units))";
            parameters.addValue("visibleUnits", new SqlParameterValue(Types.ARRAY,
                    scope.units().toArray(String[]::new)));
            // the approver changes the subscription: only one of its units (or of no unit) is listed
            conditions.add(approver);
            conditions.add("(s.owning_unit = any(:visibleUnits) or s.owning_unit is null)");
            // and the job: one of its units owns it or is assigned it
            jobConditions.add(approver);
            jobConditions.add("(s.owning_unit = any(:visibleUnits) or s.assigned_unit = any(:visibleUnits)"
                    + " or s.owning_unit is null)");
        }
        List<PendingDiscountView> pending = new ArrayList<>(jdbc.query("select " + DISCOUNT_COLUMNS
                + ", s.account_id, null as job_id from subscription_discount d"
                + " join subscription_summary s on s.subscription_id = d.subscription_id"
                + " left join catalog_entry c on c.kind = 'ADDITIVE_DISCOUNT' and c.code = d.definition_code"
                + " where " + String.join(" and ", conditions)
                + " order by d.added_at, d.discount_id limit :limit", parameters, PENDING));
        pending.addAll(jdbc.query("select " + JOB_DISCOUNT_COLUMNS + ", s.account_id from job_discount d"
                + " join job_summary s on s.job_id = d.job_id"
                + " left join catalog_entry c on c.kind = 'ADDITIVE_DISCOUNT' and c.code = d.definition_code"
                + " where " + String.join(" and ", jobConditions)
                + " order by d.added_at, d.discount_id limit :limit", parameters, PENDING));
        pending.sort(Comparator.comparing(PendingDiscountView::addedAt, Comparator.nullsLast(Comparator
                .naturalOrder())).thenComparing(PendingDiscountView::discountId));
        return pending.size() > PENDING_LIMIT ? List.copyOf(pending.subList(0, PENDING_LIMIT)) : pending;
    }

    /**
     * Applications with a billing period starting from {@code from} to {@code to} (inclusive), and job bills of those
     * days, per definition and month.
     */
    List<AppliedDiscountsLine> applied(LocalDate from, LocalDate to, String definition, AccessScope scope) {
        var parameters = new MapSqlParameterSource("from", from).addValue("to", to);
        List<String> subscriptions = new ArrayList<>(List.of("a.period_start between :from and :to"));
        List<String> jobs = new ArrayList<>(List.of("a.billed_on between :from and :to"));
        if (definition != null) {
            parameters.addValue("definition", definition);
            subscriptions.add("a.definition_code = :definition");
            jobs.add("a.definition_code = :definition");
        }
        String visible = ReadScopes.condition(scope, parameters);
        if (visible != null) {
            subscriptions.add(visible);
            jobs.add(visible);
        }
        return jdbc.query("select definition_code, period, currency, sum(subscriptions) as subscriptions,"
                        + " sum(jobs) as jobs, sum(applications) as applications, sum(amount) as amount from ("
                        + "select a.definition_code, to_char(a.period_start, 'YYYY-MM') as period, a.currency,"
                        + " count(distinct a.subscription_id) as subscriptions, 0 as jobs,"
                        + " count(distinct (a.subscription_id, a.discount_id, a.application_number)) as applications,"
                        + " sum(a.amount) as amount"
                        + " from " + APPLICATIONS + " a join subscription_summary s"
                        + " on s.subscription_id = a.subscription_id"
                        + " where " + String.join(" and ", subscriptions)
                        + " group by a.definition_code, to_char(a.period_start, 'YYYY-MM'), a.currency"
                        + " union all"
                        + " select a.definition_code, to_char(a.billed_on, 'YYYY-MM') as period, a.currency,"
                        + " 0 as subscriptions, count(distinct a.job_id) as jobs, count(*) as applications,"
                        + " sum(a.amount) as amount"
                        + " from job_discount_application a join job_summary s on s.job_id = a.job_id"
                        + " where " + String.join(" and ", jobs)
                        + " group by a.definition_code, to_char(a.billed_on, 'YYYY-MM'), a.currency"
                        + ") applied group by definition_code, period, currency"
                        + " order by definition_code, period, currency", parameters,
                (rs, row) -> new AppliedDiscountsLine(rs.getString("definition_code"), rs.getString("period"),
                        rs.getLong("subscriptions"), rs.getLong("jobs"), rs.getLong("applications"),
                        money(rs, "amount", "currency")));
    }

    private static final RowMapper<PendingDiscountView> PENDING = (rs, row) -> new PendingDiscountView(
            rs.getString("subscription_id"), rs.getString("job_id"), rs.getString("account_id"), rs.getString("discount_id"),
            rs.getString("definition_code"), value(rs), date(rs, "added_on"), rs.getString("added_by"),
            rs.getString("added_unit"), instant(rs, "added_at"), rs.getString("note"));

    private static DiscountStateView state(ResultSet rs, List<ApplicationView> applications, LocalDate today)
            throws SQLException {
        String per = rs.getString("limit_per");
        Integer times = rs.getObject("limit_times", Integer.class);
        var limit = times == null ? null : new ApplicationLimit(times, per == null ? null : PeriodUnit.valueOf(per));
        var status = DiscountStatus.valueOf(rs.getString("status"));
        LocalDate startsOn = date(rs, "starts_on");
        LocalDate endsOn = date(rs, "ends_on");
        LocalDate removedOn = date(rs, "removed_on");
        LocalDate next = status == DiscountStatus.APPROVED ? next(startsOn, endsOn, removedOn, applications) : null;
        Money given = applications.stream().map(ApplicationView::amount).reduce(Money::plus).orElse(null);
        return new DiscountStateView(rs.getString("discount_id"), rs.getString("definition_code"),
                DiscountType.valueOf(rs.getString("discount_type")), status, value(rs), limit,
                date(rs, "added_on"), startsOn, endsOn, removedOn, rs.getString("note"), rs.getString("added_by"),
                rs.getString("added_unit"), instant(rs, "added_at"), rs.getString("decided_by"),
                instant(rs, "decided_at"), date(rs, "decided_on"), rs.getString("decision_reason"),
                rs.getString("removed_by"),
                (int) applications.stream().mapToInt(ApplicationView::applicationNumber).distinct().count(),
                left(limit, applications, next != null ? next : today), next, given, applications);
    }

    /**
     * The start of the next billing period it reaches: its start before the first application, then the end of the
     * last period applied (billing periods end where the next one starts); none once past its end or removal.
     */
    private static LocalDate next(LocalDate startsOn, LocalDate endsOn, LocalDate removedOn,
                                  List<ApplicationView> applications) {
        LocalDate next = applications.isEmpty() ? startsOn : applications.get(applications.size() - 1).periodEnd();
        if (next == null || endsOn != null && next.isAfter(endsOn) || removedOn != null
                && !next.isBefore(removedOn)) {
            return null;
        }
        return next;
    }

    /** What is left of the limit in the {@code per} up to {@code on}: applications after one {@code per} before. */
    private static Integer left(ApplicationLimit limit, List<ApplicationView> applications, LocalDate on) {
        if (limit == null) {
            return null;
        }
        LocalDate since = limit.per() == null ? null : switch (limit.per()) {
            case DAYS -> on.minusDays(1);
            case WEEKS -> on.minusWeeks(1);
            case MONTHS -> on.minusMonths(1);
            case YEARS -> on.minusYears(1);
        };
        long used = applications.stream().filter(application -> since == null
                || application.periodStart().isAfter(since)).mapToInt(ApplicationView::applicationNumber).distinct()
                .count();
        return (int) Math.max(0, limit.times() - used);
    }

    private static DiscountValue value(ResultSet rs) throws SQLException {
        String kind = rs.getString("value_kind");
        if (kind == null) {
            return null;
        }
        Integer level = rs.getObject("level", Integer.class);
        Integer freeCount = rs.getObject("free_count", Integer.class);
        String freeUnit = rs.getString("free_unit");
        BigDecimal percentage = rs.getBigDecimal("percentage");
        return new DiscountValue(DiscountKind.valueOf(kind), money(rs, "amount", "currency"), null,
                percentage == null ? null : percentage.stripTrailingZeros(), null, level, freeCount == null ? null
                : new TimeSpan(freeCount, PeriodUnit.valueOf(freeUnit)), null);
    }

    private static Money money(ResultSet rs, String amount, String currency) throws SQLException {
        BigDecimal value = rs.getBigDecimal(amount);
        return value == null ? null : Money.of(value, Currency.getInstance(rs.getString(currency).strip()));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
