package org.subledger.kernel.organisation;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one fold of a ledger user's events: what the user aggregate decides with and what its audit trail shows after
 * each event. A password shows only as the fact that one was set. An unknown event changes nothing.
 */
public final class UserState {

    private String userName;
    private String displayName;
    private Set<String> roles;
    private List<String> units;
    private boolean superUser;
    private boolean enabled;
    private boolean passwordSet;

    /** A user as its events left it; {@code passwordSet} says whether the user has a password, never which. */
    public record Summary(String userName, String displayName, List<String> roles, List<String> units,
                          boolean superUser, boolean enabled, boolean passwordSet) {
    }

    public UserState apply(Object event) {
        if (event instanceof UserCreated created) {
            userName = created.userName();
            displayName = created.displayName();
            roles = Set.copyOf(created.roles());
            units = List.copyOf(created.units());
            superUser = created.superUser();
            enabled = true;
        } else if (event instanceof UserRolesChanged changed) {
            roles = Set.copyOf(changed.roles());
            superUser = changed.superUser();
        } else if (event instanceof UserUnitsChanged changed) {
            units = List.copyOf(changed.units());
        } else if (event instanceof UserDisabled) {
            enabled = false;
        } else if (event instanceof UserEnabled) {
            enabled = true;
        } else if (event instanceof UserPasswordSet) {
            passwordSet = true;
        }
        return this;
    }

    /** {@code null} before the user was created. */
    public Summary summary() {
        return userName == null ? null : new Summary(userName, displayName, List.copyOf(new TreeSet<>(roles)),
                units, superUser, enabled, passwordSet);
    }

    public String userName() {
        return userName;
    }

    public String displayName() {
        return displayName;
    }

    public Set<String> roles() {
        return roles;
    }

    public List<String> units() {
        return units;
    }

    public boolean superUser() {
        return superUser;
    }

    public boolean enabled() {
        return enabled;
    }
}
