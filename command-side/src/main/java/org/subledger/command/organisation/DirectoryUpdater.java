package org.subledger.command.organisation;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.subledger.kernel.account.CustomerLoginActivated;
import org.subledger.kernel.organisation.CollaborationEnded;
import org.subledger.kernel.organisation.CollaborationStarted;
import org.subledger.kernel.organisation.UnitCreated;
import org.subledger.kernel.organisation.UnitMoved;
import org.subledger.kernel.organisation.UnitRenamed;
import org.subledger.kernel.organisation.UserCreated;
import org.subledger.kernel.organisation.UserDisabled;
import org.subledger.kernel.organisation.UserEnabled;
import org.subledger.kernel.organisation.UserPasswordSet;
import org.subledger.kernel.organisation.UserRolesChanged;
import org.subledger.kernel.organisation.UserUnitsChanged;

import java.util.List;

/**
 * Keeps the {@link OrganisationDirectory} in the transaction of the command that changed a unit or a user (a
 * subscribing processor: a failure here rolls the command back), and passes each event on to the application, so
 * that authentication forgets what it trusted about the user (or, for a unit, about everyone) at once.
 */
@Component
@ProcessingGroup(DirectoryUpdater.GROUP)
class DirectoryUpdater {

    static final String GROUP = "lookup-organisation";

    private final OrganisationDirectory directory;
    private final ApplicationEventPublisher application;

    DirectoryUpdater(OrganisationDirectory directory, ApplicationEventPublisher application) {
        this.directory = directory;
        this.application = application;
    }

    /**
     * A customer set a new password (a re-activation): authentication forgets the old one at once rather than trust it
     * until its cache entry ends.
     */
    @EventHandler
    void on(CustomerLoginActivated event) {
        application.publishEvent(event);
    }

    @EventHandler
    void on(UnitCreated event) {
        directory.unitCreated(event.code(), event.name(), event.kind().name(), event.parent());
        application.publishEvent(event);
    }

    @EventHandler
    void on(UnitRenamed event) {
        directory.unitRenamed(event.code(), event.name());
        application.publishEvent(event);
    }

    @EventHandler
    void on(UnitMoved event) {
        directory.unitMoved(event.code(), event.parent());
        application.publishEvent(event);
    }

    @EventHandler
    void on(CollaborationStarted event) {
        directory.collaborationStarted(event.code(), event.with());
        application.publishEvent(event);
    }

    @EventHandler
    void on(CollaborationEnded event) {
        directory.collaborationEnded(event.code(), event.with());
        application.publishEvent(event);
    }

    @EventHandler
    void on(UserCreated event) {
        directory.userCreated(event.userName(), event.displayName(), List.copyOf(event.roles()), event.units(),
                event.superUser());
        application.publishEvent(event);
    }

    @EventHandler
    void on(UserRolesChanged event) {
        directory.rolesChanged(event.userName(), List.copyOf(event.roles()), event.superUser());
        application.publishEvent(event);
    }

    @EventHandler
    void on(UserUnitsChanged event) {
        directory.unitsChanged(event.userName(), event.units());
        application.publishEvent(event);
    }

    @EventHandler
    void on(UserDisabled event) {
        directory.enabled(event.userName(), false);
        application.publishEvent(event);
    }

    @EventHandler
    void on(UserEnabled event) {
        directory.enabled(event.userName(), true);
        application.publishEvent(event);
    }

    /** The hash was stored by the command itself; what the application must hear is that the old one is void. */
    @EventHandler
    void on(UserPasswordSet event) {
        application.publishEvent(event);
    }
}
