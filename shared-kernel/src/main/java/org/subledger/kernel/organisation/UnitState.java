package org.subledger.kernel.organisation;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one fold of an organisational unit's events: what the unit decides with and what its audit trail shows after
 * each event. An unknown event changes nothing.
 */
public final class UnitState {

    private String code;
    private String name;
    private UnitKind kind;
    private String parent;
    private final Set<String> collaborations = new TreeSet<>();

    /** A unit as its events left it: code, name, kind, parent and the units its members collaborate with. */
    public record Summary(String code, String name, UnitKind kind, String parent, List<String> collaborations) {
    }

    public UnitState apply(Object event) {
        if (event instanceof UnitCreated created) {
            code = created.code();
            name = created.name();
            kind = created.kind();
            parent = created.parent();
        } else if (event instanceof UnitRenamed renamed) {
            name = renamed.name();
        } else if (event instanceof UnitMoved moved) {
            parent = moved.parent();
        } else if (event instanceof CollaborationStarted started) {
            collaborations.add(started.with());
        } else if (event instanceof CollaborationEnded ended) {
            collaborations.remove(ended.with());
        }
        return this;
    }

    /** {@code null} before the unit was created. */
    public Summary summary() {
        return code == null ? null : new Summary(code, name, kind, parent, List.copyOf(collaborations));
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public UnitKind kind() {
        return kind;
    }

    public String parent() {
        return parent;
    }

    public boolean collaboratesWith(String unit) {
        return collaborations.contains(unit);
    }
}
