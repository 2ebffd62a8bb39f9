package org.subledger.command.collections;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.subledger.kernel.collections.RunDefinitionActivated;
import org.subledger.kernel.collections.RunDefinitionChanged;
import org.subledger.kernel.collections.RunDefinitionCreated;
import org.subledger.kernel.collections.RunDefinitionDeactivated;

import java.time.Instant;
import java.util.List;

/** The run definitions, for listing them: id, name, kind, whether active. Each definition's own view is its events. */
@Component
@ProcessingGroup(RunDefinitionList.GROUP)
class RunDefinitionList {

    static final String GROUP = "lookup-collection-run-definitions";

    private final JdbcTemplate jdbc;

    RunDefinitionList(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RunDefinitionCreated event, @Timestamp Instant at) {
        jdbc.update("""
                insert into collection_run_definition (definition_id, name, kind, created_at) values (?, ?, ?, ?)
                on conflict (definition_id) do nothing""", event.definitionId(), event.settings().name(),
                event.settings().kind().name(), java.sql.Timestamp.from(at));
    }

    @EventHandler
    void on(RunDefinitionChanged event) {
        jdbc.update("update collection_run_definition set name = ?, kind = ? where definition_id = ?",
                event.settings().name(), event.settings().kind().name(), event.definitionId());
    }

    @EventHandler
    void on(RunDefinitionActivated event) {
        jdbc.update("update collection_run_definition set active = true where definition_id = ?", event.definitionId());
    }

    @EventHandler
    void on(RunDefinitionDeactivated event) {
        jdbc.update("update collection_run_definition set active = false where definition_id = ?",
                event.definitionId());
    }

    /** Every definition's id, oldest first. */
    List<String> ids() {
        return jdbc.queryForList("select definition_id from collection_run_definition order by created_at, definition_id",
                String.class);
    }
}
