package org.subledger.query.job;

import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.subledger.kernel.access.AccessScope;
import org.subledger.kernel.money.Money;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code job_summary}: the jobs a user may see, by account, state, assigned unit and lateness. Staff see the
 * jobs of units they may read and the jobs assigned to them (an installer company's users see the jobs assigned to
 * their company); customers their own accounts' jobs.
 */
@Component
public class JobReadModel {

    private final NamedParameterJdbcTemplate jdbc;

    JobReadModel(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The filter of a list; each {@code null} leaves its condition out. */
    public record Filter(String accountId, String state, String assignedUnit, Boolean late, LocalDate today) {
    }

    public List<JobSummaryView> jobs(Filter filter, AccessScope scope, int limit) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        List<String> conditions = new ArrayList<>();
        if (filter.accountId() != null) {
            conditions.add("account_id = :accountId");
            parameters.addValue("accountId", filter.accountId());
        }
        if (filter.state() != null) {
            conditions.add("state = :state");
            parameters.addValue("state", filter.state());
        }
        if (filter.assignedUnit() != null) {
            conditions.add("assigned_unit = :assignedUnit");
            parameters.addValue("assignedUnit", filter.assignedUnit());
        }
        if (Boolean.TRUE.equals(filter.late())) {
            // late: completed after the expected date, or still open with the expected date passed
            conditions.add("(late or (state in ('PENDING', 'IN_PROGRESS') and expected_completion < :today))");
            parameters.addValue("today", filter.today());
        }
        String visible = visible(scope, parameters);
        if (visible != null) {
            conditions.add(visible);
        }
        parameters.addValue("limit", limit);
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        List<JobSummaryView> jobs = jdbc.query("select * from job_summary" + where
                + " order by created_on, job_id limit :limit", parameters, JobReadModel::row);
        return withReplacements(jobs);
    }

    /** Each job with what it replaced, read in one statement for the whole page. */
    private List<JobSummaryView> withReplacements(List<JobSummaryView> jobs) {
        if (jobs.isEmpty()) {
            return jobs;
        }
        Map<String, List<JobReplacementView>> byJob = new HashMap<>();
        jdbc.query("""
                select job_id, line_id, subscription_id, replaced_serial_number, serial_number, product_code, status,
                       refusal_code, refusal_message
                from job_replacement where job_id = any(:jobIds) order by job_id, delivered_sequence""",
                new MapSqlParameterSource("jobIds", array(jobs.stream().map(JobSummaryView::jobId)
                        .toArray(String[]::new))),
                (ResultSet rs) -> {
                    byJob.computeIfAbsent(rs.getString("job_id"), id -> new ArrayList<>()).add(new JobReplacementView(
                            rs.getString("line_id"), rs.getString("subscription_id"),
                            rs.getString("replaced_serial_number"), rs.getString("serial_number"),
                            rs.getString("product_code"), rs.getString("status"), rs.getString("refusal_code"),
                            rs.getString("refusal_message")));
                });
        return jobs.stream().map(job -> job.withReplacements(byJob.getOrDefault(job.jobId(), List.of()))).toList();
    }

    public List<JobSummaryView> jobsOf(String accountId, AccessScope scope) {
        return jobs(new Filter(accountId, null, null, null, null), scope, 500);
    }

    private static String visible(AccessScope scope, MapSqlParameterSource parameters) {
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
        return "(owning_unit = any(:visibleUnits) or owning_unit is null or assigned_unit = any(:visibleUnits))";
    }

    private static SqlParameterValue array(String[] values) {
        return new SqlParameterValue(Types.ARRAY, values);
    }

    private static Money billTotal(ResultSet rs) throws SQLException {
        String currency = rs.getString("bill_currency");
        return currency == null ? null : Money.of(rs.getBigDecimal("bill_total"), Currency.getInstance(currency));
    }

    private static JobSummaryView row(ResultSet rs, int rowNum) throws SQLException {
        return new JobSummaryView(rs.getString("job_id"), rs.getString("account_id"), rs.getString("job_type_code"),
                rs.getString("state"), rs.getString("billing_term_scheme"), rs.getString("price_plan"),
                rs.getString("owning_unit"), rs.getString("assigned_unit"),
                rs.getObject("created_on", LocalDate.class), rs.getObject("expected_completion", LocalDate.class),
                rs.getObject("actual_completion", LocalDate.class), rs.getBoolean("late"),
                rs.getString("subscription_id"), rs.getString("bill_id"), rs.getString("bill_number"),
                billTotal(rs), rs.getString("bill_currency"), List.of());
    }
}
