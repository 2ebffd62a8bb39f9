package org.subledger.platform.axon;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which streaming processor runs which processing group ({@code ledger.axon.shared-processors}). A processor tails the
 * event store on its own: it fetches and wraps every event, whatever its groups handle, and commits its token per
 * batch and segment. With one processor per group, each stored event was fetched, deserialized and offered ~30 times;
 * groups that share a processor pay that once. Each group keeps its own handler invoker and its own dead-letter
 * queue (Axon builds them per group inside the processor), so a group whose handler fails dead-letters the event
 * while the groups beside it handle it and move on.
 *
 * <p>A shared processor's units of work are marked {@link NothingDispatched} (its handlers' messages get no
 * correlation data) unless it is listed as dispatching ({@code ledger.axon.dispatching-processors}): the command
 * side's process managers send commands, which must carry the handled event's principal and correlation.
 *
 * <p>Groups that must stay alone: sagas (their failure handling is registered per processor name), the subscribing
 * {@code lookup-} groups, which are not streaming processors at all, and a group that waits on something outside the
 * ledger (provisioning's dispatch calls the providers): in a shared processor it would hold up the other groups.
 */
public final class ProcessorTopology {

    private final Map<String, String> processorOfGroup = new HashMap<>();
    private final Map<String, List<String>> groupsOfProcessor;
    private final Set<String> dispatching;

    /** Shared processors that send nothing. */
    public ProcessorTopology(Map<String, List<String>> sharedProcessors) {
        this(sharedProcessors, List.of());
    }

    public ProcessorTopology(Map<String, List<String>> sharedProcessors, Collection<String> dispatchingProcessors) {
        this.groupsOfProcessor = Map.copyOf(sharedProcessors);
        this.dispatching = Set.copyOf(dispatchingProcessors);
        dispatching.forEach(processor -> {
            if (!sharedProcessors.containsKey(processor)) {
                throw new IllegalArgumentException("dispatching processor " + processor + " is not a shared processor");
            }
        });
        sharedProcessors.forEach((processor, groups) -> {
            if (groups.isEmpty()) {
                throw new IllegalArgumentException("shared processor " + processor + " names no processing group");
            }
            groups.forEach(group -> {
                String previous = processorOfGroup.put(group, processor);
                if (previous != null) {
                    throw new IllegalArgumentException("processing group " + group + " is assigned to two shared"
                            + " processors: " + previous + " and " + processor);
                }
            });
        });
        sharedProcessors.keySet().forEach(processor -> {
            String owner = processorOfGroup.get(processor);
            if (owner != null && !owner.equals(processor)) {
                throw new IllegalArgumentException("shared processor " + processor + " has the name of a processing"
                        + " group of " + owner);
            }
        });
    }

    /** The processor that runs the group: a shared one, else the group's own, named after it. */
    public String processorOf(String group) {
        return processorOfGroup.getOrDefault(group, group);
    }

    /** The groups a processor runs: a shared processor's list, else the processor's name alone (its own group). */
    public List<String> groupsOf(String processor) {
        return groupsOfProcessor.getOrDefault(processor, List.of(processor));
    }

    /** The groups of all the given processors. */
    public List<String> groupsOf(Collection<String> processors) {
        return processors.stream().flatMap(processor -> groupsOf(processor).stream()).toList();
    }

    /** Whether the group runs in a shared processor (one listed in {@code ledger.axon.shared-processors}). */
    public boolean runsShared(String group) {
        return processorOfGroup.containsKey(group);
    }

    /** Whether several groups share the processor. */
    public boolean isShared(String processor) {
        return groupsOfProcessor.containsKey(processor);
    }

    public Set<String> sharedProcessors() {
        return groupsOfProcessor.keySet();
    }

    /** The shared processors whose handlers send no message ({@link NothingDispatched} marks their units of work). */
    public Set<String> sharedProcessorsSendingNothing() {
        return groupsOfProcessor.keySet().stream().filter(processor -> !dispatching.contains(processor))
                .collect(Collectors.toUnmodifiableSet());
    }
}
