package org.subledger.kernel.organisation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The unit and user folds: what each event leaves, and a summary that later events do not change. */
class OrganisationStatesTest {

    @Test
    void aUnitIsRenamedMovedAndCollaboratesAfterItsCreation() {
        var state = new UnitState();
        assertThat(state.summary()).as("not created yet").isNull();
        state.apply(new UnitCreated("TEAM", "Team", UnitKind.GROUP, "DEPT"));
        UnitState.Summary created = state.summary();
        state.apply(new UnitRenamed("TEAM", "Blue team")).apply(new UnitMoved("TEAM", null))
                .apply(new CollaborationStarted("TEAM", "SALES")).apply(new CollaborationStarted("TEAM", "BILLING"))
                .apply(new CollaborationEnded("TEAM", "SALES"));

        assertThat(created).isEqualTo(new UnitState.Summary("TEAM", "Team", UnitKind.GROUP, "DEPT", List.of()));
        assertThat(state.summary()).isEqualTo(new UnitState.Summary("TEAM", "Blue team", UnitKind.GROUP, null,
                List.of("BILLING")));
        assertThat(state.collaboratesWith("BILLING")).isTrue();
        assertThat(state.collaboratesWith("SALES")).isFalse();
    }

    @Test
    void aUserShowsThatAPasswordWasSetAndWhetherItIsEnabled() {
        var state = new UserState();
        assertThat(state.summary()).as("not created yet").isNull();
        state.apply(new UserCreated("anna", "Anna", Set.of("AGENT"), List.of("TEAM"), false));
        UserState.Summary created = state.summary();
        state.apply(new UserPasswordSet("anna")).apply(new UserRolesChanged("anna", Set.of("SUPERVISOR", "AGENT"),
                true)).apply(new UserUnitsChanged("anna", List.of("DEPT", "TEAM"))).apply(new UserDisabled("anna"));

        assertThat(created).isEqualTo(new UserState.Summary("anna", "Anna", List.of("AGENT"), List.of("TEAM"), false,
                true, false));
        assertThat(state.summary()).isEqualTo(new UserState.Summary("anna", "Anna", List.of("AGENT", "SUPERVISOR"),
                List.of("DEPT", "TEAM"), true, false, true));
        assertThat(state.apply(new UserEnabled("anna")).enabled()).isTrue();
    }
}
