package org.subledger.platform.security;

import org.springframework.jdbc.core.JdbcTemplate;
import org.subledger.kernel.access.AccessScope;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a user of the ledger's own directory (the tables the command side keeps in the transaction of every change
 * to a unit or user) and resolves what it may see: its member units and everything under them, and the units those
 * collaborate with and everything under those. Two indexed queries, whatever the size of the organisation.
 */
class UserDirectory {

    /** Roles that read everything: the audit trail and reporting tools must see the whole ledger. */
    static final Set<String> SUPER_READER_ROLES = Set.of("AUDITOR", "REPORTER");

    private static final String SCOPE = """
            with mine as (
                select closure.descendant as code from org_unit_closure closure
                where closure.ancestor = any(string_to_array(?, ','))
            ), shared as (
                select collaboration.with_code from org_unit_collaboration collaboration
                where collaboration.unit_code in (select code from mine)
            )
            select code from mine
            union
            select closure.descendant from org_unit_closure closure
            where closure.ancestor in (select with_code from shared)
            """;

    private final JdbcTemplate jdbc;

    UserDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<DirectoryUser> find(String userName) {
        return jdbc.query("select u.display_name, u.roles, u.units, u.super_user, u.enabled, p.password_hash"
                        + " from directory_user u left join directory_user_password p on p.user_name = u.user_name"
                        + " where u.user_name = ?",
                (row, n) -> {
                    List<String> roles = split(row.getString("roles"));
                    List<String> units = split(row.getString("units"));
                    boolean superUser = row.getBoolean("super_user");
                    boolean superReader = superUser || roles.stream().anyMatch(SUPER_READER_ROLES::contains);
                    var scope = new AccessScope(userName, units.isEmpty() ? null : units.get(0), scope(units),
                            superUser, superReader, Set.of());
                    return new DirectoryUser(userName, row.getString("password_hash"), row.getBoolean("enabled"),
                            roles, row.getString("display_name"), units, scope);
                }, userName).stream().findFirst();
    }

    /** The units members of {@code units} see: those, everything under them, and what they collaborate with. */
    Set<String> effectiveUnits(List<String> units) {
        return scope(units);
    }

    private Set<String> scope(List<String> units) {
        if (units.isEmpty()) {
            return Set.of();
        }
        return new LinkedHashSet<>(jdbc.queryForList(SCOPE, String.class, String.join(",", units)));
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
