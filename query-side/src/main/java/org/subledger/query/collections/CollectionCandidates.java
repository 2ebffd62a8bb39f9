package org.subledger.query.collections;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.subledger.kernel.collections.AmountBasis;
import org.subledger.kernel.collections.RunKind;
import org.subledger.kernel.collections.RunSettings;
import org.subledger.kernel.collections.query.CollectionCandidateList;
import org.subledger.kernel.collections.query.ListCollectionCandidates;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Selects the subscriptions a deactivation or reactivation run acts on, from the read models. The one place that
 * knows what "owes more than X on bills due more than N days ago" means: until receivables are open items with due
 * dates, a posting is taken as due on the day it was posted, and payments and credits as settling the oldest debts
 * first. What an account owes for at least N days is then its balance as of the as-of date less the debits of the
 * last N days; what a subscription owes, the part of that its own bills of N days or more could account for. Swap
 * this class for one over open items once they exist; nothing else reads these conditions.
 */
@Component
class CollectionCandidates {

    private final NamedParameterJdbcTemplate jdbc;

    CollectionCandidates(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    CollectionCandidateList handle(ListCollectionCandidates query) {
        RunSettings settings = query.settings();
        List<String> types = settings.subscriptionTypes() == null ? List.of() : settings.subscriptionTypes();
        var params = new MapSqlParameterSource()
                .addValue("types", types.isEmpty() ? List.of("") : types)
                .addValue("anyType", types.isEmpty());
        String sql = settings.kind() == RunKind.DEACTIVATION
                ? deactivation(settings, query.asOf(), params)
                : reactivation(settings, query, params);
        return new CollectionCandidateList(jdbc.queryForList(sql, params, String.class));
    }

    private static String deactivation(RunSettings settings, LocalDate asOf, MapSqlParameterSource params) {
        int dueDaysAgo = settings.dueDaysAgo() == null ? 0 : settings.dueDaysAgo();
        boolean byAmount = settings.amountAbove() != null;
        boolean byRating = settings.creditRating() != null && !settings.creditRating().isBlank();
        params.addValue("asOfEnd", startOf(asOf.plusDays(1)))
                .addValue("recentFrom", startOf(asOf.minusDays(dueDaysAgo).plusDays(1)))
                .addValue("dueBy", asOf.minusDays(dueDaysAgo))
                .addValue("above", byAmount ? settings.amountAbove().amount() : null)
                .addValue("currency", byAmount ? settings.amountAbove().currency().getCurrencyCode() : null)
                .addValue("rating", byRating ? settings.creditRating().strip() : null);
        String owedBySubscription = settings.basis() == AmountBasis.SUBSCRIPTION
                ? "least(o.overdue, coalesce((select sum(b.total) from bill b where b.subscription_id = s.subscription_id"
                + " and b.issued_on <= :dueBy), 0))"
                : "o.overdue";
        String amountCondition = byAmount
                ? "(o.currency = :currency and " + owedBySubscription + " > :above)" : "false";
        String ratingCondition = byRating ? "o.credit_rating = :rating" : "false";
        return """
                with owed as (
                    select a.account_id, a.currency, a.credit_rating,
                           coalesce(sum(l.balance_effect), 0)
                             - coalesce(sum(l.balance_effect) filter (where l.balance_effect > 0
                                                                      and l.posted_at >= :recentFrom), 0) as overdue
                    from account_summary a
                    left join account_statement_line l on l.account_id = a.account_id and l.posted_at < :asOfEnd
                    where not a.closed
                    group by a.account_id, a.currency, a.credit_rating
                )
                select s.subscription_id
                from subscription_summary s
                join owed o on o.account_id = s.account_id
                where s.state = 'EFFECTIVE'
                  and (:anyType or s.subscription_type_code in (:types))
                  and (%s or %s)
                order by s.account_id, s.subscription_id""".formatted(amountCondition, ratingCondition);
    }

    /** Settled accounts whose balance has not moved for the definition's hours (none given: settled is enough). */
    private static String reactivation(RunSettings settings, ListCollectionCandidates query,
                                       MapSqlParameterSource params) {
        int hours = settings.hoursSinceBalanceChanged() == null ? 0 : settings.hoursSinceBalanceChanged();
        params.addValue("quietSince", Timestamp.from(query.at().minusSeconds(hours * 3600L)));
        return """
                select s.subscription_id
                from subscription_summary s
                join account_summary a on a.account_id = s.account_id
                where s.state = 'DEACTIVATED'
                  and a.balance <= 0
                  and (a.last_movement_at is null or a.last_movement_at <= :quietSince)
                  and (:anyType or s.subscription_type_code in (:types))
                order by s.account_id, s.subscription_id""";
    }

    private static Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
