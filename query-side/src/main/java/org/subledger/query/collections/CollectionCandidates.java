package org.subledger.query.collections;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.subledger.kernel.collections.AmountBasis;
import org.subledger.kernel.collections.RunSettings;
import org.subledger.kernel.collections.query.CollectionCandidateList;
import org.subledger.kernel.collections.query.ListCollectionCandidates;
import org.subledger.query.account.OverdueAccounts;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;

/**
 * Selects what a collections run acts on (subscriptions; scheduled actions), from the read models: the one place that reads
 * a run's conditions. What "owes more than X due N days ago" means is {@link OverdueAccounts}' (the open items the
 * ledger allocated payments and credits to), the same question the account list's overdue filter asks.
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
        String sql = switch (settings.kind()) {
            case DEACTIVATION -> deactivation(settings, query.asOf(), params);
            case REACTIVATION -> reactivation(settings, query, params);
            case SCHEDULED_ACTIONS -> scheduledActions(settings, query.asOf(), params);
        };
        return new CollectionCandidateList(jdbc.queryForList(sql, params, String.class));
    }

    /**
     * Effective subscriptions of accounts owing more than the amount on items at least {@code dueDaysAgo} days past
     * their due date on the as-of date (the seed's "10 days past their due date": an item due on the 1st counts on
     * the 11th), read per account or per subscription by {@link OverdueAccounts}, or of accounts of the credit
     * rating. Open amounts are as the ledger has allocated them when the run selects.
     */
    private static String deactivation(RunSettings settings, LocalDate asOf, MapSqlParameterSource params) {
        int dueDaysAgo = settings.dueDaysAgo() == null ? 0 : settings.dueDaysAgo();
        boolean byAmount = settings.amountAbove() != null;
        boolean byRating = settings.creditRating() != null && !settings.creditRating().isBlank();
        if (byAmount) {
            OverdueAccounts.parameters(params, settings.amountAbove().amount(), asOf.minusDays(dueDaysAgo - 1L))
                    .addValue("currency", settings.amountAbove().currency().getCurrencyCode());
        }
        params.addValue("rating", byRating ? settings.creditRating().strip() : null);
        String owing = settings.basis() == AmountBasis.SUBSCRIPTION
                ? OverdueAccounts.owingMoreThan(AmountBasis.SUBSCRIPTION, "s.subscription_id")
                : OverdueAccounts.owingMoreThan(AmountBasis.ACCOUNT, "s.account_id");
        String amountCondition = byAmount ? "(a.currency = :currency and " + owing + ")" : "false";
        String ratingCondition = byRating ? "a.credit_rating = :rating" : "false";
        return """
                select s.subscription_id
                from subscription_summary s
                join account_summary a on a.account_id = s.account_id
                where s.state = 'EFFECTIVE'
                  and not a.closed
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

    /**
     * The pending scheduled actions due on or before the as-of date whose behaviour code is one of the definition's
     * (of subscriptions of its types), in the order they are due, then scheduled: their ids, not subscriptions'.
     */
    private static String scheduledActions(RunSettings settings, LocalDate asOf, MapSqlParameterSource params) {
        params.addValue("asOf", asOf)
                .addValue("codes", settings.behaviourCodes().stream().map(Enum::name).toList());
        return """
                select a.scheduled_action_id
                from scheduled_action a
                left join subscription_summary s on s.subscription_id = a.subscription_id
                where a.status = 'PENDING'
                  and a.execute_on <= :asOf
                  and a.behaviour_code in (:codes)
                  and (:anyType or s.subscription_type_code in (:types))
                order by a.execute_on, a.scheduled_at, a.scheduled_action_id""";
    }
}
