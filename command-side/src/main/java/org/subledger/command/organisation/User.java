package org.subledger.command.organisation;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.organisation.ChangeUserRoles;
import org.subledger.kernel.organisation.ChangeUserUnits;
import org.subledger.kernel.organisation.CreateUser;
import org.subledger.kernel.organisation.DisableUser;
import org.subledger.kernel.organisation.EnableUser;
import org.subledger.kernel.organisation.OrganisationIds;
import org.subledger.kernel.organisation.SetUserPassword;
import org.subledger.kernel.organisation.UserCreated;
import org.subledger.kernel.organisation.UserEvent;
import org.subledger.kernel.organisation.UserState;
import org.subledger.kernel.organisation.UserDisabled;
import org.subledger.kernel.organisation.UserEnabled;
import org.subledger.kernel.organisation.UserPasswordSet;
import org.subledger.kernel.organisation.UserRolesChanged;
import org.subledger.kernel.organisation.UserUnitsChanged;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A user of the ledger: its roles, the units it belongs to (the first is the one it acts for), whether it is a super
 * user and whether it may sign in. Its password hash is written to {@link UserPasswords} in the command's transaction;
 * the events say only that a password was set.
 */
@Aggregate
class User {

    @AggregateIdentifier
    private String id;
    private final UserState state = new UserState();

    User() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CreateUser command, UnitHierarchy hierarchy, UserPasswords passwords) {
        OrganisationRules.check().userName(command.userName()).name(command.displayName(), "displayName")
                .orRefuse("The user");
        checkRoles(command.roles());
        checkUnits(command.units(), hierarchy);
        if (state.userName() != null) {
            if (command.displayName().equals(state.displayName()) && Set.copyOf(command.roles()).equals(state.roles())
                    && command.units().equals(state.units()) && command.superUser() == state.superUser()) {
                return;
            }
            throw new LedgerRefusal(ErrorCode.USER_EXISTS, "User " + state.userName() + " exists with other details",
                    Map.of("userName", "is taken"));
        }
        checkHash(command.passwordHash());
        apply(new UserCreated(command.userName(), command.displayName(), Set.copyOf(command.roles()),
                List.copyOf(command.units()), command.superUser()));
        if (command.passwordHash() != null) {
            passwords.store(command.userName(), command.passwordHash());
            apply(new UserPasswordSet(command.userName()));
        }
    }

    @CommandHandler
    void handle(ChangeUserRoles command) {
        checkRoles(command.roles());
        if (!Set.copyOf(command.roles()).equals(state.roles()) || command.superUser() != state.superUser()) {
            apply(new UserRolesChanged(state.userName(), Set.copyOf(command.roles()), command.superUser()));
        }
    }

    @CommandHandler
    void handle(ChangeUserUnits command, UnitHierarchy hierarchy) {
        checkUnits(command.units(), hierarchy);
        if (!command.units().equals(state.units())) {
            apply(new UserUnitsChanged(state.userName(), List.copyOf(command.units())));
        }
    }

    @CommandHandler
    void handle(DisableUser command) {
        if (state.enabled()) {
            apply(new UserDisabled(state.userName()));
        }
    }

    @CommandHandler
    void handle(EnableUser command) {
        if (!state.enabled()) {
            apply(new UserEnabled(state.userName()));
        }
    }

    @CommandHandler
    void handle(SetUserPassword command, UserPasswords passwords) {
        OrganisationRules.check().required(command.passwordHash(), "password").orRefuse("The password");
        checkHash(command.passwordHash());
        passwords.store(state.userName(), command.passwordHash());
        apply(new UserPasswordSet(state.userName()));
    }

    private static void checkRoles(Set<String> roles) {
        OrganisationRules.check().rule(roles != null && !roles.isEmpty(), "roles", "at least one role is required")
                .rule(roles == null || OrganisationRules.STAFF_ROLES.containsAll(roles), "roles",
                        "must be among " + new java.util.TreeSet<>(OrganisationRules.STAFF_ROLES))
                .orRefuse("The user's roles");
    }

    private static void checkUnits(List<String> units, UnitHierarchy hierarchy) {
        OrganisationRules.check().rule(units != null && !units.isEmpty(), "units", "at least one unit is required")
                .rule(units == null || new HashSet<>(units).size() == units.size(), "units", "lists a unit twice")
                .orRefuse("The user's units");
        var unknown = units.stream().filter(unit -> !hierarchy.exists(unit)).toList();
        OrganisationRules.check().rule(unknown.isEmpty(), "units", "are no units: " + unknown)
                .orRefuseAsRule("The user's units");
    }

    /** Hashed at the edge: a clear password must never reach the command bus, let alone a table. */
    private static void checkHash(String hash) {
        if (hash != null && !hash.startsWith("{bcrypt}")) {
            throw new IllegalArgumentException("a password reaches the user only as a {bcrypt} hash");
        }
    }

    @EventSourcingHandler
    void on(UserCreated event) {
        id = OrganisationIds.user(event.userName());
        state.apply(event);
    }

    @EventSourcingHandler
    void on(UserEvent event) {
        if (!(event instanceof UserCreated)) {
            state.apply(event);
        }
    }
}
