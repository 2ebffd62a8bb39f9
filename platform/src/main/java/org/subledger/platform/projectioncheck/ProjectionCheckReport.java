package org.subledger.platform.projectioncheck;

import java.time.Instant;
import java.util.List;

/**
 * What a projection check found: {@code outcome} EQUAL (every table of every projection checked holds what the
 * events say), DIFFERENT (the tables and rows that differ are named), or INCONCLUSIVE (events were recorded while
 * checking, or the live projections did not reach the head in time, so a difference may be only that: run again on a
 * quiet ledger). {@code position}: the event store's head the projections were rebuilt up to.
 */
public record ProjectionCheckReport(Outcome outcome,
                                    long position,
                                    long eventsReplayed,
                                    long millis,
                                    Instant checkedAt,
                                    List<String> notes,
                                    List<ProjectionResult> projections) {

    public enum Outcome { EQUAL, DIFFERENT, INCONCLUSIVE }

    /** One projection (processing group): equal when all of its tables are. */
    public record ProjectionResult(String name, boolean equal, List<TableComparison> tables) {
    }

    /** One line per projection, then one per differing table and row: for the command line and logs. */
    public String summary() {
        var text = new StringBuilder(outcome + " at position " + position + " (" + eventsReplayed + " events in "
                + millis + " ms)\n");
        notes.forEach(note -> text.append("  note: ").append(note).append('\n'));
        for (var projection : projections) {
            text.append("  ").append(projection.name()).append(projection.equal() ? ": equal" : ": DIFFERENT")
                    .append('\n');
            for (var table : projection.tables()) {
                if (!table.equal()) {
                    text.append("    table ").append(table.table()).append(": live ").append(table.liveRows())
                            .append(" rows, rebuilt ").append(table.rebuiltRows()).append(" rows\n");
                    table.onlyLive().forEach(row -> text.append("      only live:    ").append(row).append('\n'));
                    table.onlyRebuilt().forEach(row -> text.append("      only rebuilt: ").append(row).append('\n'));
                }
            }
        }
        return text.toString();
    }
}
