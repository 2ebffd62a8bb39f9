package org.subledger.kernel.collections;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A collections run as its events leave it: the one fold of the run's stream, used by the aggregate, the executor
 * that resumes it and the API that shows its progress. {@code candidates} is null until they are selected;
 * {@code failures} are the subscriptions the run could not act on, with the refusal.
 */
public record CollectionRunState(String runId, String definitionId, RunSettings settings, LocalDate asOf,
                                 List<String> candidates, int batchesDone, int acted, List<RunOutcome> failures,
                                 boolean completed) {

    public static final CollectionRunState NONE =
            new CollectionRunState(null, null, null, null, null, 0, 0, List.of(), false);

    public CollectionRunState apply(Object event) {
        if (event instanceof CollectionRunStarted started) {
            return new CollectionRunState(started.runId(), started.definitionId(), started.settings(), started.asOf(),
                    null, 0, 0, List.of(), false);
        }
        if (event instanceof CollectionRunCandidatesSelected selected) {
            return new CollectionRunState(runId, definitionId, settings, asOf, List.copyOf(selected.subscriptionIds()),
                    batchesDone, acted, failures, completed);
        }
        if (event instanceof CollectionRunBatchProcessed batch) {
            List<RunOutcome> failed = new ArrayList<>(failures);
            batch.outcomes().stream().filter(outcome -> !outcome.acted()).forEach(failed::add);
            int actedNow = batch.outcomes().size() - (failed.size() - failures.size());
            return new CollectionRunState(runId, definitionId, settings, asOf, candidates, batchesDone + 1,
                    acted + actedNow, List.copyOf(failed), completed);
        }
        if (event instanceof CollectionRunCompleted) {
            return new CollectionRunState(runId, definitionId, settings, asOf, candidates, batchesDone, acted,
                    failures, true);
        }
        return this;
    }

    public boolean started() {
        return runId != null;
    }

    public boolean selected() {
        return candidates != null;
    }

    public int failed() {
        return failures.size();
    }

    /** The batches the candidates make, by the run's batch size. */
    public int batches() {
        if (candidates == null) {
            return 0;
        }
        return (candidates.size() + settings.batchSize() - 1) / settings.batchSize();
    }

    /** The subscriptions of batch {@code batchNo} (from 0). */
    public List<String> batch(int batchNo) {
        int from = batchNo * settings.batchSize();
        return candidates.subList(from, Math.min(candidates.size(), from + settings.batchSize()));
    }
}
