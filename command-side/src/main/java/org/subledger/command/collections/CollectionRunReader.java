package org.subledger.command.collections;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.subledger.kernel.collections.CollectionRunState;
import org.subledger.kernel.collections.RunDefinitionActivated;
import org.subledger.kernel.collections.RunDefinitionChanged;
import org.subledger.kernel.collections.RunDefinitionCreated;
import org.subledger.kernel.collections.RunDefinitionDeactivated;
import org.subledger.kernel.collections.RunSettings;

import java.time.Instant;
import java.util.Optional;

/** Consistent reads of runs and run definitions: their own events, from the event store. */
@Component
class CollectionRunReader {

    private final EventStore eventStore;

    CollectionRunReader(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    Optional<CollectionRunState> run(String runId) {
        return run(runId, null);
    }

    /** The run as its events up to {@code asOf} left it ({@code null}: all of them); empty if not started by then. */
    Optional<CollectionRunState> run(String runId, Instant asOf) {
        CollectionRunState state = CollectionRunState.NONE;
        var events = eventStore.readEvents(runId);
        while (events.hasNext()) {
            var event = events.next();
            if (asOf != null && event.getTimestamp().isAfter(asOf)) {
                break;
            }
            state = state.apply(event.getPayload());
        }
        return state.started() ? Optional.of(state) : Optional.empty();
    }

    /** A run definition as the API shows it. */
    record Definition(String definitionId, RunSettings settings, boolean active, Instant nextRunAt) {
    }

    Optional<Definition> definition(String definitionId) {
        return definition(definitionId, null);
    }

    /** The definition as its events up to {@code asOf} left it ({@code null}: all of them). */
    Optional<Definition> definition(String definitionId, Instant asOf) {
        Definition definition = null;
        var events = eventStore.readEvents(definitionId, 0);
        while (events.hasNext()) {
            var event = events.next();
            if (asOf != null && event.getTimestamp().isAfter(asOf)) {
                break;
            }
            Object payload = event.getPayload();
            if (payload instanceof RunDefinitionCreated created) {
                definition = new Definition(definitionId, created.settings(), false, null);
            } else if (definition != null && payload instanceof RunDefinitionChanged changed) {
                definition = new Definition(definitionId, changed.settings(), definition.active(),
                        definition.nextRunAt());
            } else if (definition != null && payload instanceof RunDefinitionActivated activated) {
                definition = new Definition(definitionId, definition.settings(), true, activated.nextRunAt());
            } else if (definition != null && payload instanceof RunDefinitionDeactivated) {
                definition = new Definition(definitionId, definition.settings(), false, null);
            }
        }
        return Optional.ofNullable(definition);
    }
}
