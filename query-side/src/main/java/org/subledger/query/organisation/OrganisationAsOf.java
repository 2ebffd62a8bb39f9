package org.subledger.query.organisation;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.organisation.OrganisationIds;
import org.subledger.kernel.organisation.UnitState;
import org.subledger.kernel.organisation.UserPasswordSet;
import org.subledger.kernel.organisation.UserState;
import org.subledger.query.organisation.OrganisationReadModel.UnitView;
import org.subledger.query.organisation.OrganisationReadModel.UserView;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A unit or a user as it stood at an instant, rebuilt from its own events up to then by the fold its aggregate
 * decides with ({@link UnitState}, {@link UserState}), in the shape the read model answers now. Who collaborated
 * with a unit then is in the other units' streams: each is folded up to the instant (an operator has tens of units).
 */
@Component
class OrganisationAsOf {

    private final EventStore eventStore;

    OrganisationAsOf(@Lazy EventStore eventStore) {
        this.eventStore = eventStore;
    }

    UnitView unit(String code, Instant asOf, List<String> allCodes) {
        List<? extends DomainEventMessage<?>> events = events(OrganisationIds.unit(code), ErrorCode.UNIT_NOT_FOUND,
                "No unit " + code + ".");
        var state = new UnitState();
        var applied = upTo(events, asOf, event -> state.apply(event.getPayload()));
        if (state.code() == null) {
            throw notYet(ErrorCode.UNIT_NOT_YET_CREATED, "Unit " + code, events, asOf);
        }
        var summary = state.summary();
        List<String> collaboratedWithBy = new ArrayList<>();
        for (String other : allCodes) {
            if (!other.equals(code)) {
                var otherState = new UnitState();
                upTo(eventStore.readEvents(OrganisationIds.unit(other), 0).asStream().toList(), asOf,
                        event -> otherState.apply(event.getPayload()));
                if (otherState.collaboratesWith(code)) {
                    collaboratedWithBy.add(other);
                }
            }
        }
        return new UnitView(summary.code(), summary.name(), summary.kind().name(), summary.parent(),
                summary.collaborations(), collaboratedWithBy.stream().sorted().toList(),
                events.get(0).getTimestamp(), applied.get(applied.size() - 1).getTimestamp());
    }

    UserView user(String userName, Instant asOf) {
        List<? extends DomainEventMessage<?>> events = events(OrganisationIds.user(userName),
                ErrorCode.USER_NOT_FOUND, "No user " + userName + ".");
        var state = new UserState();
        Instant[] passwordSetAt = new Instant[1];
        var applied = upTo(events, asOf, event -> {
            state.apply(event.getPayload());
            if (event.getPayload() instanceof UserPasswordSet) {
                passwordSetAt[0] = event.getTimestamp();
            }
        });
        if (state.userName() == null) {
            throw notYet(ErrorCode.USER_NOT_YET_CREATED, "User " + userName, events, asOf);
        }
        var summary = state.summary();
        return new UserView(summary.userName(), summary.displayName(), summary.roles(), summary.units(),
                summary.superUser(), summary.enabled(), passwordSetAt[0], events.get(0).getTimestamp(),
                applied.get(applied.size() - 1).getTimestamp());
    }

    private List<? extends DomainEventMessage<?>> events(String aggregateId, ErrorCode missing, String message) {
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(aggregateId, 0).asStream().toList();
        if (events.isEmpty()) {
            throw new LedgerRefusal(missing, message);
        }
        return events;
    }

    /** Applies the events recorded at or before {@code asOf}; answers them. */
    private static List<DomainEventMessage<?>> upTo(List<? extends DomainEventMessage<?>> events, Instant asOf,
                                                    java.util.function.Consumer<DomainEventMessage<?>> apply) {
        List<DomainEventMessage<?>> applied = new ArrayList<>();
        for (var event : events) {
            if (event.getTimestamp().isAfter(asOf)) {
                break;
            }
            apply.accept(event);
            applied.add(event);
        }
        return applied;
    }

    private static LedgerRefusal notYet(ErrorCode code, String what, List<? extends DomainEventMessage<?>> events,
                                        Instant asOf) {
        Instant created = events.get(0).getTimestamp();
        return new LedgerRefusal(code, what + " was created at " + created + ", after " + asOf + ".",
                Map.of("asOf", "is before it was created (" + created + ")"));
    }
}
