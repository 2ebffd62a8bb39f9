package org.subledger.command.organisation;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.organisation.CollaborationEnded;
import org.subledger.kernel.organisation.CollaborationStarted;
import org.subledger.kernel.organisation.CreateUnit;
import org.subledger.kernel.organisation.EndCollaboration;
import org.subledger.kernel.organisation.MoveUnit;
import org.subledger.kernel.organisation.OrganisationIds;
import org.subledger.kernel.organisation.RenameUnit;
import org.subledger.kernel.organisation.StartCollaboration;
import org.subledger.kernel.organisation.UnitCreated;
import org.subledger.kernel.organisation.UnitKind;
import org.subledger.kernel.organisation.UnitEvent;
import org.subledger.kernel.organisation.UnitMoved;
import org.subledger.kernel.organisation.UnitState;
import org.subledger.kernel.organisation.UnitRenamed;

import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An organisational unit of the operator (a department, a group in one) or a third party (an installer company, a
 * retailer). Units form a forest: a third party is always a root of its own. A collaboration goes one way: the
 * members of this unit may see and select what the other unit's members may.
 */
@Aggregate
class Unit {

    @AggregateIdentifier
    private String id;
    private final UnitState state = new UnitState();

    Unit() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CreateUnit command, UnitHierarchy hierarchy) {
        OrganisationRules.check().code(command.code(), "code").name(command.name(), "name")
                .required(command.kind(), "kind").rule(command.parent() == null
                        || command.parent().matches("[A-Z0-9][A-Z0-9_\\-.]{0,63}"), "parent", "must be a unit code")
                .orRefuse("The unit");
        if (state.code() != null) {
            if (command.name().equals(state.name()) && command.kind() == state.kind()
                    && Objects.equals(command.parent(), state.parent())) {
                return;
            }
            throw new LedgerRefusal(ErrorCode.UNIT_EXISTS, "Unit " + state.code() + " exists with another definition",
                    Map.of("code", "is taken"));
        }
        checkParent(command.kind(), command.parent(), hierarchy);
        apply(new UnitCreated(command.code(), command.name(), command.kind(), command.parent()));
    }

    @CommandHandler
    void handle(RenameUnit command) {
        OrganisationRules.check().name(command.name(), "name").orRefuse("The unit's name");
        if (!command.name().equals(state.name())) {
            apply(new UnitRenamed(state.code(), command.name()));
        }
    }

    @CommandHandler
    void handle(MoveUnit command, UnitHierarchy hierarchy) {
        if (Objects.equals(command.parent(), state.parent())) {
            return;
        }
        checkParent(state.kind(), command.parent(), hierarchy);
        OrganisationRules.check().rule(command.parent() == null || !hierarchy.isWithin(command.parent(), state.code()),
                "parent", "is " + state.code() + " itself or one of its descendants").orRefuseAsRule("Moving " + state.code());
        apply(new UnitMoved(state.code(), command.parent()));
    }

    @CommandHandler
    void handle(StartCollaboration command, UnitHierarchy hierarchy) {
        OrganisationRules.check().rule(command.with() != null && !command.with().equals(state.code()), "with",
                        "must be another unit")
                .rule(command.with() == null || hierarchy.exists(command.with()), "with", "is no unit")
                .orRefuseAsRule("The collaboration of " + state.code());
        if (!state.collaboratesWith(command.with())) {
            apply(new CollaborationStarted(state.code(), command.with()));
        }
    }

    @CommandHandler
    void handle(EndCollaboration command) {
        if (state.collaboratesWith(command.with())) {
            apply(new CollaborationEnded(state.code(), command.with()));
        }
    }

    private static void checkParent(UnitKind kind, String parent, UnitHierarchy hierarchy) {
        OrganisationRules.check()
                .rule(kind != UnitKind.THIRD_PARTY || parent == null, "parent",
                        "a third party is a root of its own, under no unit")
                .rule(parent == null || hierarchy.exists(parent), "parent", "is no unit")
                .orRefuseAsRule("The unit");
    }

    @EventSourcingHandler
    void on(UnitCreated event) {
        id = OrganisationIds.unit(event.code());
        state.apply(event);
    }

    @EventSourcingHandler
    void on(UnitEvent event) {
        if (!(event instanceof UnitCreated)) {
            state.apply(event);
        }
    }
}
