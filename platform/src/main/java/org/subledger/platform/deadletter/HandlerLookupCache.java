package org.subledger.platform.deadletter;

import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.modelling.saga.AbstractSagaManager;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

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
 * whose payload type does not match an event never handles it.
 *
 * <p>Whether a group that has a handler for an event's type can handle the event was asked of the group for every
 * event too: Axon walks the group's handler methods and matches each one's parameters against the event. That answer
 * depends only on the payload type, the message's class (a {@code @SequenceNumber} parameter takes domain events
 * only) and its metadata (a required or primitive {@code @MetaDataValue} parameter takes only events whose metadata
 * hold such a key with such a value type), never on the payload's content; so it is remembered by those, and only
 * the group's segment is worked out for each event, by the group's own sequencing policy as Axon does. Under a
 * stream of usage batches the read models' walks over the group handling {@code UsageRecorded} were 12 % of the
 * ledger's CPU samples (JFR, 2026-12-04, docs/benchmarks.md).
 *
 * <p>Saga managers too: Axon's answer to "can this saga handle the event" walks every handler method of the saga and
 * matches its parameters, for every event, and its answer to "can it handle this payload type at all" is always yes
 * (not implemented), so each saga processor's coordinator walked them for every event of the store. Under a stream of
 * usage batches the seven saga and process-manager coordinators took 14 % of the ledger's CPU samples, mostly there
 * (JFR, 2026-12-04, docs/benchmarks.md). The payload types a saga's {@code @SagaEventHandler} methods take are read
 * from its class once ({@link #sagaHandles}); an event of any other type is answered {@code false} without asking,
 * any other is asked of the saga manager as before.
 */
final class HandlerLookupCache extends DelegatingGroupInvoker {

    private static final int MAX_SHAPES = 1_000;

    private final Map<Class<?>, Boolean> handlesType = new ConcurrentHashMap<>();
    private final Map<MessageShape, Boolean> handlesShape = new ConcurrentHashMap<>();
    private final Predicate<Class<?>> mayHandle;
    /** The annotated handlers inside the group, whose answers are remembered by shape; null: asked each time. */
    private final SimpleEventHandlerInvoker handlers;
    private volatile Boolean supportsReset;

    private HandlerLookupCache(EventHandlerInvoker group, Predicate<Class<?>> mayHandle) {
        super(group);
        this.mayHandle = mayHandle;
        this.handlers = annotatedHandlers(group);
    }

    /**
     * What decides whether a group's handler methods take an event, besides its payload: the message's class and its
     * metadata's keys with the classes of their values.
     */
    private record MessageShape(Class<?> payloadType, Class<?> messageClass, List<Object> metaData) {

        static MessageShape of(EventMessage<?> event) {
            List<Object> metaData = new ArrayList<>(event.getMetaData().size() * 2);
            event.getMetaData().forEach((key, value) -> {
                metaData.add(key);
                metaData.add(value == null ? null : value.getClass());
            });
            return new MessageShape(event.getPayloadType(), event.getClass(), metaData);
        }
    }

    /** The group's annotated handlers, under the ledger's own wrappers (savepoints); null when it has none. */
    private static SimpleEventHandlerInvoker annotatedHandlers(EventHandlerInvoker group) {
        EventHandlerInvoker inner = group;
        while (inner instanceof DelegatingGroupInvoker wrapper) {
            inner = wrapper.group;
        }
        return inner instanceof SimpleEventHandlerInvoker simple ? simple : null;
    }

    /** The processor's invoker with each of its groups' lookups remembered. */
    static EventHandlerInvoker of(EventHandlerInvoker invoker) {
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            return new MultiEventHandlerInvoker(multi.delegates().stream().map(HandlerLookupCache::group).toList());
        }
        return group(invoker);
    }

    private static EventHandlerInvoker group(EventHandlerInvoker group) {
        if (group instanceof SimpleEventHandlerInvoker || group instanceof GroupSavepoints) {
            return new HandlerLookupCache(group, group::canHandleType);
        }
        if (group instanceof AbstractSagaManager<?> saga) {
            return new HandlerLookupCache(group, sagaHandles(saga.getSagaType()));
        }
        return group;
    }

    /**
     * Whether a payload type may be handled by one of the saga's event handler methods: a method's payload type is
     * its annotation's {@code payloadType}, else its first parameter's type (Axon's rule). Reads the class and its
     * superclasses once; a saga in which no handler is found is asked about every type, as Axon would.
     */
    static Predicate<Class<?>> sagaHandles(Class<?> sagaType) {
        List<Class<?>> handled = new ArrayList<>();
        for (Class<?> type = sagaType; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                AnnotationUtils.findAnnotationAttributes(method, EventHandler.class).ifPresent(attributes -> {
                    Object declared = attributes.get("payloadType");
                    if (declared instanceof Class<?> payload && payload != Object.class) {
                        handled.add(payload);
                    } else {
                        handled.add(method.getParameterCount() > 0 ? method.getParameterTypes()[0] : Object.class);
                    }
                });
            }
        }
        if (handled.isEmpty()) {
            return payloadType -> true;
        }
        return payloadType -> handled.stream().anyMatch(type -> type.isAssignableFrom(payloadType));
    }

    @Override
    public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
        if (!canHandleType(eventMessage.getPayloadType())) {
            return false;
        }
        if (handlers == null) {
            return group.canHandle(eventMessage, segment);
        }
        // the root segment matches every event: the group's answer for it is whether a handler takes the event
        MessageShape shape = MessageShape.of(eventMessage);
        Boolean handled = handlesShape.get(shape);
        if (handled == null) {
            handled = group.canHandle(eventMessage, Segment.ROOT_SEGMENT);
            if (handlesShape.size() < MAX_SHAPES) { // a few shapes in practice; never a map without bound
                handlesShape.put(shape, handled);
            }
        }
        return handled && segment.matches(Objects.hashCode(sequenceIdentifier(eventMessage)));
    }

    /** As Axon's {@link SimpleEventHandlerInvoker} works it out: its policy's answer, else the event's id. */
    private Object sequenceIdentifier(EventMessage<?> event) {
        Object identifier = handlers.getSequencingPolicy().getSequenceIdentifierFor(event);
        return identifier == null ? event.getIdentifier() : identifier;
    }

    @Override
    public boolean canHandleType(Class<?> payloadType) {
        return handlesType.computeIfAbsent(payloadType, mayHandle::test);
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
