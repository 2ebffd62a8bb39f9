package org.subledger.kernel.collections.query;

import org.subledger.kernel.collections.RunSettings;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The subscriptions a run of these settings would act on as of {@code asOf} (the business date the amounts are due
 * against) at the instant {@code at} (what "hours since the balance changed" counts from); answered with
 * {@link CollectionCandidateList}.
 */
public record ListCollectionCandidates(RunSettings settings, LocalDate asOf, Instant at) {
}
