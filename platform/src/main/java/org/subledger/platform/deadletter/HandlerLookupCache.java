package org.subledger.platform.deadletter;

import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, per processing group, the answers about its handlers that cannot change while the ledger runs: whether
 * the group supports a reset, and whether it has a handler for an event's payload type at all. Axon asks both for every
 * event and every group, up to three times (the coordinator, the work package, the handling), and answers each by
 * streaming over all the group's handler methods. Under a stream of usage batches that was 8-21 % of the ledger's
 * CPU samples in two profiles, and under 1 % with this cache (JFR, 2026-12-02, docs/benchmarks.md: the read models'
 * 16 groups each asked about every {@code UsageRecorded} that one of them handles). An event whose type the group has
 * no handler for is answered {@code false} from the map; any other is asked of the group as before (its handler's
 * parameters and the segment still decide).
 *
 * <p>Only the invokers of annotated handlers are wrapped ({@link SimpleEventHandlerInvoker}, the dead-lettering one
 * included, and the per-group savepoints around them): their handlers are fixed when they are built, and a method
 * whose payload type does not match an event never handles it. Saga managers are left as they are.
 */
final class HandlerLookupCache extends DelegatingGroupInvoker {

    private final Map<Class<?>, Boolean> handlesType = new ConcurrentHashMap<>();
    private volatile Boolean supportsReset;

    private HandlerLookupCache(EventHandlerInvoker group) {
        super(group);
    }

    /** The processor's invoker with each of its groups' lookups remembered. */
    static EventHandlerInvoker of(EventHandlerInvoker invoker) {
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            return new MultiEventHandlerInvoker(multi.delegates().stream().map(HandlerLookupCache::group).toList());
        }
        return group(invoker);
    }

    private static EventHandlerInvoker group(EventHandlerInvoker group) {
        return group instanceof SimpleEventHandlerInvoker || group instanceof GroupSavepoints
                ? new HandlerLookupCache(group) : group;
    }

    @Override
    public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
        return canHandleType(eventMessage.getPayloadType()) && group.canHandle(eventMessage, segment);
    }

    @Override
    public boolean canHandleType(Class<?> payloadType) {
        return handlesType.computeIfAbsent(payloadType, group::canHandleType);
    }

    @Override
    public boolean supportsReset() {
        Boolean answer = supportsReset;
        if (answer == null) {
            answer = group.supportsReset();
            supportsReset = answer;
        }
        return answer;
    }
}
