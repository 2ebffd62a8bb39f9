package org.subledger.platform.webhook;

import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.subledger.kernel.event.DomainEvent;

import java.util.Set;
import java.util.TreeSet;

/**
 * The event types an endpoint may subscribe to: the simple names of the stored contract's events (every concrete
 * {@link DomainEvent} of the kernel), found once at start so a new event type needs no list kept by hand.
 */
final class EventTypes {

    private final Set<String> names;

    private EventTypes(Set<String> names) {
        this.names = names;
    }

    static EventTypes scan() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(DomainEvent.class));
        Set<String> names = new TreeSet<>();
        for (var candidate : scanner.findCandidateComponents("org.subledger.kernel")) {
            String className = candidate.getBeanClassName();
            names.add(className.substring(className.lastIndexOf('.') + 1).replace('$', '.'));
        }
        return new EventTypes(Set.copyOf(names));
    }

    boolean known(String name) {
        return names.contains(name);
    }

    Set<String> all() {
        return new TreeSet<>(names);
    }
}
