package org.subledger.query.organisation;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The organisation's read models ({@code organisation_unit}, {@code …_collaboration}, {@code …_user}, {@code …_membership}). */
@Component
class OrganisationReadModel {

    /** A unit with the units it collaborates with, and those that collaborate with it. */
    record UnitView(String code, String name, String kind, String parent, List<String> collaboratesWith,
                    List<String> collaboratedWithBy, Instant createdAt, Instant updatedAt) {
    }

    /** A user, never its password; {@code units} in order, the acting unit first. */
    record UserView(String userName, String displayName, List<String> roles, List<String> units, boolean superUser,
                    boolean enabled, Instant passwordSetAt, Instant createdAt, Instant updatedAt) {
    }

    private final JdbcTemplate jdbc;

    OrganisationReadModel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<UnitView> units(String parent, int limit) {
        String where = parent == null ? "" : " where u.parent_code = ?";
        Object[] arguments = parent == null ? new Object[]{limit} : new Object[]{parent, limit};
        return jdbc.query(UNIT + where + " order by u.code limit ?", this::unitRow, arguments);
    }

    Optional<UnitView> unit(String code) {
        return jdbc.query(UNIT + " where u.code = ?", this::unitRow, code).stream().findFirst();
    }

    List<UserView> users(String unit, int limit) {
        String where = unit == null ? ""
                : " where exists (select 1 from organisation_membership m where m.user_name = u.user_name"
                + " and m.unit_code = ?)";
        Object[] arguments = unit == null ? new Object[]{limit} : new Object[]{unit, limit};
        return jdbc.query(USER + where + " order by u.user_name limit ?", this::userRow, arguments);
    }

    Optional<UserView> user(String userName) {
        return jdbc.query(USER + " where u.user_name = ?", this::userRow, userName).stream().findFirst();
    }

    private static final String UNIT = """
            select u.code, u.name, u.kind, u.parent_code, u.created_at, u.updated_at,
                   array(select c.with_code from organisation_collaboration c where c.unit_code = u.code
                         order by c.with_code) as collaborates_with,
                   array(select c.unit_code from organisation_collaboration c where c.with_code = u.code
                         order by c.unit_code) as collaborated_with_by
            from organisation_unit u""";

    private static final String USER = """
            select u.user_name, u.display_name, u.roles, u.super_user, u.enabled, u.password_set_at, u.created_at,
                   u.updated_at,
                   array(select m.unit_code from organisation_membership m where m.user_name = u.user_name
                         order by m.position) as units
            from organisation_user u""";

    private UnitView unitRow(ResultSet rs, int row) throws SQLException {
        return new UnitView(rs.getString("code"), rs.getString("name"), rs.getString("kind"),
                rs.getString("parent_code"), texts(rs, "collaborates_with"), texts(rs, "collaborated_with_by"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private UserView userRow(ResultSet rs, int row) throws SQLException {
        return new UserView(rs.getString("user_name"), rs.getString("display_name"),
                Arrays.asList(rs.getString("roles").split(",")), texts(rs, "units"), rs.getBoolean("super_user"),
                rs.getBoolean("enabled"), instant(rs, "password_set_at"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static List<String> texts(ResultSet rs, String column) throws SQLException {
        var array = rs.getArray(column);
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var time = rs.getTimestamp(column);
        return time == null ? null : time.toInstant();
    }
}
