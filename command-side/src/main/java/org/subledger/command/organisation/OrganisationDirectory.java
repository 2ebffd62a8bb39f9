package org.subledger.command.organisation;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/**
 * The directory of units and users the command side keeps in its own tables ({@code org_unit},
 * {@code org_unit_closure}, {@code org_unit_collaboration}, {@code directory_user}, {@code directory_user_password}),
 * in the transaction of the command that changed them. Authentication reads the same tables, so a disabled user or a
 * changed password is refused from the commit on. The closure table holds every (ancestor, descendant) pair,
 * each unit its own ancestor, so "a unit and everything under it" is one indexed lookup.
 */
@Component
class OrganisationDirectory implements UnitHierarchy, UserPasswords {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    OrganisationDirectory(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean exists(String code) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from org_unit where code = ?)",
                Boolean.class, code));
    }

    @Override
    public boolean isWithin(String code, String ancestor) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from org_unit_closure"
                + " where ancestor = ? and descendant = ?)", Boolean.class, ancestor, code));
    }

    @Override
    public void store(String userName, String passwordHash) {
        jdbc.update("insert into directory_user_password (user_name, password_hash, set_at) values (?, ?, ?)"
                        + " on conflict (user_name) do update set password_hash = excluded.password_hash,"
                        + " set_at = excluded.set_at", userName, passwordHash,
                java.sql.Timestamp.from(clock.instant()));
    }

    void unitCreated(String code, String name, String kind, String parent) {
        jdbc.update("insert into org_unit (code, name, kind, parent_code) values (?, ?, ?, ?)", code, name, kind,
                parent);
        jdbc.update("insert into org_unit_closure (ancestor, descendant) values (?, ?)", code, code);
        if (parent != null) {
            jdbc.update("insert into org_unit_closure (ancestor, descendant)"
                    + " select ancestor, ? from org_unit_closure where descendant = ?", code, parent);
        }
    }

    void unitRenamed(String code, String name) {
        jdbc.update("update org_unit set name = ? where code = ?", name, code);
    }

    /** Cuts the subtree from its old ancestors and hangs it under the new parent's, keeping the pairs inside it. */
    void unitMoved(String code, String parent) {
        jdbc.update("delete from org_unit_closure where descendant in"
                + " (select descendant from org_unit_closure where ancestor = ?)"
                + " and ancestor not in (select descendant from org_unit_closure where ancestor = ?)", code, code);
        if (parent != null) {
            jdbc.update("insert into org_unit_closure (ancestor, descendant)"
                    + " select above.ancestor, below.descendant from org_unit_closure above, org_unit_closure below"
                    + " where above.descendant = ? and below.ancestor = ?", parent, code);
        }
        jdbc.update("update org_unit set parent_code = ? where code = ?", parent, code);
    }

    void collaborationStarted(String code, String with) {
        jdbc.update("insert into org_unit_collaboration (unit_code, with_code) values (?, ?) on conflict do nothing",
                code, with);
    }

    void collaborationEnded(String code, String with) {
        jdbc.update("delete from org_unit_collaboration where unit_code = ? and with_code = ?", code, with);
    }

    void userCreated(String userName, String displayName, List<String> roles, List<String> units,
                     boolean superUser) {
        jdbc.update("insert into directory_user (user_name, display_name, roles, units, super_user, enabled)"
                + " values (?, ?, ?, ?, ?, true)", userName, displayName, String.join(",", roles),
                String.join(",", units), superUser);
    }

    void rolesChanged(String userName, List<String> roles, boolean superUser) {
        jdbc.update("update directory_user set roles = ?, super_user = ? where user_name = ?",
                String.join(",", roles), superUser, userName);
    }

    void unitsChanged(String userName, List<String> units) {
        jdbc.update("update directory_user set units = ? where user_name = ?", String.join(",", units), userName);
    }

    void enabled(String userName, boolean enabled) {
        jdbc.update("update directory_user set enabled = ? where user_name = ?", enabled, userName);
    }
}
