package org.subledger.kernel.collections;

import org.subledger.kernel.money.Money;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run definition selects and how it runs. A deactivation selects effective subscriptions (of the given types;
 * none given: all) whose account, or the subscription itself ({@code amountBasis}), owes more than
 * {@code amountAbove} on bills due at least {@code dueDaysAgo} days before the run's as-of date, or whose account has
 * the credit rating {@code creditRating}, whatever it owes. A reactivation selects deactivated subscriptions whose
 * account is settled and whose balance has not changed for {@code hoursSinceBalanceChanged} hours. A run acts in
 * batches of {@code batchSize} with {@code pauseBetweenBatches} between them (the seed's "start again after" of a
 * deactivation split over a week); {@code startAgainAfter} is the least time between two runs of the definition that
 * its recurrence starts (a trigger sooner than that is skipped).
 */
public record RunSettings(String name,
                          RunKind kind,
                          Money amountAbove,
                          Integer dueDaysAgo,
                          String creditRating,
                          AmountBasis amountBasis,
                          Integer hoursSinceBalanceChanged,
                          List<String> subscriptionTypes,
                          int batchSize,
                          Duration pauseBetweenBatches,
                          Duration startAgainAfter,
                          Recurrence recurrence) {

    public static final int MAX_BATCH_SIZE = 10_000;

    /** Field problems by field name; empty when the settings can be used. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (name == null || name.isBlank() || name.length() > 200) {
            problems.put("name", "is required, at most 200 characters");
        }
        if (kind == null) {
            problems.put("kind", "is required: DEACTIVATION or REACTIVATION");
        } else if (kind == RunKind.DEACTIVATION) {
            deactivationProblems(problems);
        } else if (hoursSinceBalanceChanged != null && hoursSinceBalanceChanged < 0) {
            problems.put("hoursSinceBalanceChanged", "must not be negative");
        }
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            problems.put("batchSize", "must be from 1 to " + MAX_BATCH_SIZE);
        }
        if (pauseBetweenBatches != null && pauseBetweenBatches.isNegative()) {
            problems.put("pauseBetweenBatches", "must not be negative");
        }
        if (startAgainAfter != null && startAgainAfter.isNegative()) {
            problems.put("startAgainAfter", "must not be negative");
        }
        if (recurrence != null) {
            recurrence.problem().ifPresent(problem -> problems.put("recurrence", problem));
        }
        if (subscriptionTypes != null && subscriptionTypes.stream().anyMatch(t -> t == null || t.isBlank())) {
            problems.put("subscriptionTypes", "must not hold blank codes");
        }
        return problems;
    }

    private void deactivationProblems(Map<String, String> problems) {
        boolean byAmount = amountAbove != null;
        boolean byRating = creditRating != null && !creditRating.isBlank();
        if (!byAmount && !byRating) {
            problems.put("amountAbove", "an amount or a creditRating is required for a deactivation");
        }
        if (byAmount && amountAbove.isNegative()) {
            problems.put("amountAbove", "must not be negative");
        }
        if (dueDaysAgo != null && dueDaysAgo < 0) {
            problems.put("dueDaysAgo", "must not be negative");
        }
    }

    /** The pause between two batches; none when not set. */
    public Duration pause() {
        return pauseBetweenBatches == null ? Duration.ZERO : pauseBetweenBatches;
    }

    /** Where the amount condition is read; the account's balance unless said otherwise. */
    public AmountBasis basis() {
        return amountBasis == null ? AmountBasis.ACCOUNT : amountBasis;
    }
}
