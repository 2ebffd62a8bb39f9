package org.subledger.kernel.collections;

import org.subledger.kernel.input.InputBounds;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.subscription.BehaviourCode;

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
 * its recurrence starts (a trigger sooner than that is skipped). A scheduled-actions run selects the pending
 * scheduled actions due on or before its as-of date whose behaviour code is one of {@code behaviourCodes} (of
 * subscriptions of the given types), and carries each out through the subscription's own command.
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
                          Recurrence recurrence,
                          List<BehaviourCode> behaviourCodes) {

    public static final int MAX_BATCH_SIZE = 10_000;
    public static final int NAME_MAX_LENGTH = 200;
    /** Longest span a definition speaks of: ten years of days. */
    public static final int MAX_DAYS = 3650;
    public static final int MAX_TYPES = 100;

    /** Field problems by field name; empty when the settings can be used. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (name == null || name.isBlank()) {
            problems.put("name", "is required");
        } else {
            InputBounds.textProblem(name, NAME_MAX_LENGTH, false).ifPresent(problem -> problems.put("name", problem));
        }
        if (kind == null) {
            problems.put("kind", "is required: DEACTIVATION, REACTIVATION or SCHEDULED_ACTIONS");
        } else if (kind == RunKind.DEACTIVATION) {
            deactivationProblems(problems);
            if (hoursSinceBalanceChanged != null) {
                problems.put("hoursSinceBalanceChanged", "is for a reactivation");
            }
        } else if (amountAbove != null || dueDaysAgo != null || creditRating != null || amountBasis != null) {
            // a condition the run would not read is refused rather than silently ignored
            problems.put(amountAbove != null ? "amountAbove" : dueDaysAgo != null ? "dueDaysAgo"
                    : creditRating != null ? "creditRating" : "amountBasis", "is for a deactivation");
        } else if (kind == RunKind.SCHEDULED_ACTIONS) {
            if (hoursSinceBalanceChanged != null) {
                problems.put("hoursSinceBalanceChanged", "is for a reactivation");
            }
        } else if (hoursSinceBalanceChanged != null
                && (hoursSinceBalanceChanged < 0 || hoursSinceBalanceChanged > MAX_DAYS * 24)) {
            problems.put("hoursSinceBalanceChanged", "must be from 0 to " + MAX_DAYS * 24);
        }
        if (kind == RunKind.SCHEDULED_ACTIONS) {
            if (behaviourCodes == null || behaviourCodes.isEmpty()
                    || behaviourCodes.stream().anyMatch(java.util.Objects::isNull)) {
                problems.put("behaviourCodes", "one or more behaviour codes are required for SCHEDULED_ACTIONS");
            }
        } else if (kind != null && behaviourCodes != null) {
            problems.put("behaviourCodes", "is for a SCHEDULED_ACTIONS run");
        }
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            problems.put("batchSize", "must be from 1 to " + MAX_BATCH_SIZE);
        }
        durationProblem(pauseBetweenBatches).ifPresent(problem -> problems.put("pauseBetweenBatches", problem));
        durationProblem(startAgainAfter).ifPresent(problem -> problems.put("startAgainAfter", problem));
        if (recurrence != null) {
            recurrence.problem().ifPresent(problem -> problems.put("recurrence", problem));
        }
        if (subscriptionTypes != null && (subscriptionTypes.size() > MAX_TYPES || subscriptionTypes.stream()
                .anyMatch(t -> t == null || t.isBlank() || InputBounds.textProblem(t, InputBounds.CODE_MAX_LENGTH,
                        false).isPresent()))) {
            problems.put("subscriptionTypes", "at most " + MAX_TYPES + " codes, none blank, each at most "
                    + InputBounds.CODE_MAX_LENGTH + " characters");
        }
        return problems;
    }

    private void deactivationProblems(Map<String, String> problems) {
        boolean byAmount = amountAbove != null;
        boolean byRating = creditRating != null && !creditRating.isBlank();
        if (!byAmount && !byRating) {
            problems.put("amountAbove", "an amount or a creditRating is required for a deactivation");
        }
        if (byAmount) {
            Money.inputProblem(amountAbove.amount(), amountAbove.currency(), Money.Sign.ZERO_OR_MORE)
                    .ifPresent(problem -> problems.put("amountAbove", problem));
        }
        if (byRating) {
            InputBounds.textProblem(creditRating, InputBounds.CODE_MAX_LENGTH, false)
                    .ifPresent(problem -> problems.put("creditRating", problem));
        }
        if (dueDaysAgo != null && (dueDaysAgo < 0 || dueDaysAgo > MAX_DAYS)) {
            problems.put("dueDaysAgo", "must be from 0 to " + MAX_DAYS);
        }
    }

    private static java.util.Optional<String> durationProblem(Duration duration) {
        if (duration != null && (duration.isNegative() || duration.compareTo(Duration.ofDays(MAX_DAYS)) > 0)) {
            return java.util.Optional.of("must be from PT0S to P" + MAX_DAYS + "D");
        }
        return java.util.Optional.empty();
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
