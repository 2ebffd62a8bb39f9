package org.subledger.projection.organisation;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
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

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the organisation's read models: {@code organisation_unit} (one row per unit), {@code
 * organisation_collaboration} (who collaborates with whom), {@code organisation_user} (one row per user, never a
 * password) and {@code organisation_membership} (which users belong to which unit, the acting unit at position 0).
 * A row takes only an event newer than the one it reflects ({@code version}), so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(OrganisationProjection.PROCESSING_GROUP)
class OrganisationProjection {

    static final String PROCESSING_GROUP = "organisation";

    private final JdbcTemplate jdbc;

    OrganisationProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UnitCreated event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update("insert into organisation_unit (code, name, kind, parent_code, created_at, updated_at, version)"
                        + " values (?, ?, ?, ?, ?, ?, ?) on conflict (code) do nothing", event.code(), event.name(),
                event.kind().name(), event.parent(), utc(at), utc(at), version);
    }

    @EventHandler
    void on(UnitRenamed event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update("update organisation_unit set name = ?, updated_at = ?, version = ? where code = ? and version < ?",
                event.name(), utc(at), version, event.code(), version);
    }

    @EventHandler
    void on(UnitMoved event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update("update organisation_unit set parent_code = ?, updated_at = ?, version = ?"
                + " where code = ? and version < ?", event.parent(), utc(at), version, event.code(), version);
    }

    @EventHandler
    void on(CollaborationStarted event, @Timestamp Instant at) {
        jdbc.update("insert into organisation_collaboration (unit_code, with_code, since) values (?, ?, ?)"
                + " on conflict do nothing", event.code(), event.with(), utc(at));
    }

    @EventHandler
    void on(CollaborationEnded event) {
        jdbc.update("delete from organisation_collaboration where unit_code = ? and with_code = ?", event.code(),
                event.with());
    }

    @EventHandler
    void on(UserCreated event, @SequenceNumber long version, @Timestamp Instant at) {
        int inserted = jdbc.update("insert into organisation_user (user_name, display_name, roles, super_user,"
                        + " enabled, created_at, updated_at, version) values (?, ?, ?, ?, true, ?, ?, ?)"
                        + " on conflict (user_name) do nothing", event.userName(), event.displayName(),
                roles(event.roles()), event.superUser(), utc(at), utc(at), version);
        if (inserted == 1) {
            members(event.userName(), event.units());
        }
    }

    @EventHandler
    void on(UserRolesChanged event, @SequenceNumber long version, @Timestamp Instant at) {
        user("roles = ?, super_user = ?", version, at, event.userName(), roles(event.roles()), event.superUser());
    }

    @EventHandler
    void on(UserUnitsChanged event, @SequenceNumber long version, @Timestamp Instant at) {
        if (user("display_name = display_name", version, at, event.userName()) == 1) {
            members(event.userName(), event.units());
        }
    }

    @EventHandler
    void on(UserDisabled event, @SequenceNumber long version, @Timestamp Instant at) {
        user("enabled = false", version, at, event.userName());
    }

    @EventHandler
    void on(UserEnabled event, @SequenceNumber long version, @Timestamp Instant at) {
        user("enabled = true", version, at, event.userName());
    }

    @EventHandler
    void on(UserPasswordSet event, @SequenceNumber long version, @Timestamp Instant at) {
        user("password_set_at = ?", version, at, event.userName(), utc(at));
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate table organisation_unit, organisation_collaboration, organisation_user,"
                + " organisation_membership");
    }

    private int user(String set, long version, Instant at, String userName, Object... values) {
        var arguments = new ArrayList<>(List.of(values));
        arguments.addAll(List.of(utc(at), version, userName, version));
        return jdbc.update("update organisation_user set " + set + ", updated_at = ?, version = ?"
                + " where user_name = ? and version < ?", arguments.toArray());
    }

    private void members(String userName, List<String> units) {
        jdbc.update("delete from organisation_membership where user_name = ?", userName);
        for (int position = 0; position < units.size(); position++) {
            jdbc.update("insert into organisation_membership (user_name, unit_code, position) values (?, ?, ?)",
                    userName, units.get(position), position);
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static String roles(Set<String> roles) {
        return String.join(",", new TreeSet<>(roles));
    }
}
