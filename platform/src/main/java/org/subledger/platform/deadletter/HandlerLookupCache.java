package org.subledger.platform.deadletter;

import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.AggregateType;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.annotation.SourceId;
import org.axonframework.modelling.saga.AbstractSagaManager;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
 * ledger's CPU samples (JFR, 2026-12-04, docs/benchmarks.md). The metadata count only for payload types one of whose
 * handler methods can read them ({@link #handlersReadMetaData}): for the others they are not deserialised at all,
 * which was 5 % of the ledger's samples in the read models' coordinator (JFR, session 25).
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
    /** Parameter annotations whose resolvers read the message's identity, class or timestamp, never its metadata. */
    private static final Set<Class<? extends Annotation>> NOT_FROM_METADATA = Set.of(SequenceNumber.class,
            Timestamp.class, MessageIdentifier.class, SourceId.class, AggregateType.class);

    private final Map<Class<?>, Boolean> handlesType = new ConcurrentHashMap<>();
    private final Map<MessageShape, Boolean> handlesShape = new ConcurrentHashMap<>();
    private final Map<Class<?>, Boolean> readsMetaData = new ConcurrentHashMap<>();
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
     * metadata's keys with the classes of their values ({@code withMetaData}; when none of the handlers for its payload
     * type reads metadata, they are left out, and the event's metadata are not even deserialised).
     */
    private record MessageShape(Class<?> payloadType, Class<?> messageClass, List<Object> metaData) {

        static MessageShape of(EventMessage<?> event, boolean withMetaData) {
            if (!withMetaData) {
                return new MessageShape(event.getPayloadType(), event.getClass(), List.of());
            }
            List<Object> metaData = new ArrayList<>(event.getMetaData().size() * 2);
            event.getMetaData().forEach((key, value) -> {
                metaData.add(key);
                metaData.add(value == null ? null : value.getClass());
            });
            return new MessageShape(event.getPayloadType(), event.getClass(), metaData);
        }

        // written out: a record's generated equals and hashCode go through method handles, asked for every event
        @Override
        public boolean equals(Object other) {
            return other instanceof MessageShape shape && payloadType == shape.payloadType
                    && messageClass == shape.messageClass && metaData.equals(shape.metaData);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * payloadType.hashCode() + messageClass.hashCode()) + metaData.hashCode();
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

    /**
     * The processor's invoker with each of its groups' lookups remembered, and its groups of several looked up by the
     * event's payload type ({@link GroupsByPayloadType}).
     */
    static EventHandlerInvoker of(EventHandlerInvoker invoker) {
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            return new GroupsByPayloadType(multi.delegates().stream().map(HandlerLookupCache::group).toList());
        }
        return group(invoker);
    }

    /**
     * A processor's groups, of which only those that have a handler for an event's payload type are asked about the
     * event or given it. Axon's {@link MultiEventHandlerInvoker} asks every group about every event, in the
     * coordinator once for each segment and again in the work package: for each group whether it supports a reset,
     * whether the event is a replay, whether it has a handler for the type. With the read models' 16 groups and the
     * process managers' 7, under a stream of usage batches, that was the largest part of what the coordinators did
     * (JFR, session 25, docs/benchmarks.md). The groups for a type are worked out once, from each group's own
     * {@code canHandleType}; a group that could handle an event of a type it says it has no handler for would be
     * wrong already, since Axon's coordinator skips such events for good when no group takes them.
     */
    static final class GroupsByPayloadType extends MultiEventHandlerInvoker {

        private final Map<Class<?>, List<EventHandlerInvoker>> groupsByType = new ConcurrentHashMap<>();

        GroupsByPayloadType(List<EventHandlerInvoker> groups) {
            super(groups);
        }

        private List<EventHandlerInvoker> groupsFor(Class<?> payloadType) {
            List<EventHandlerInvoker> groups = groupsByType.get(payloadType);
            if (groups == null) {
                groups = delegates().stream().filter(group -> group.canHandleType(payloadType)).toList();
                groupsByType.put(payloadType, groups); // one entry per event class: bounded by the classes
            }
            return groups;
        }

        /** Axon's rule: a group that does not support a reset takes no replayed event. */
        private static boolean takes(EventHandlerInvoker group, EventMessage<?> event, Segment segment) {
            return (group.supportsReset() || !ReplayToken.isReplay(event)) && group.canHandle(event, segment);
        }

        @Override
        public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
            for (EventHandlerInvoker group : groupsFor(eventMessage.getPayloadType())) {
                if (takes(group, eventMessage, segment)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean canHandleType(Class<?> payloadType) {
            return !groupsFor(payloadType).isEmpty();
        }

        @Override
        public void handle(EventMessage<?> message, Segment segment) throws Exception {
            for (EventHandlerInvoker group : groupsFor(message.getPayloadType())) {
                if (takes(group, message, segment)) {
                    group.handle(message, segment);
                }
            }
        }
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
        List<Class<?>> handled = List.copyOf(eventHandlerMethods(sagaType).values());
        if (handled.isEmpty()) {
            return payloadType -> true;
        }
        return payloadType -> handled.stream().anyMatch(type -> type.isAssignableFrom(payloadType));
    }

    /**
     * The event handler methods of a class and its superclasses, as Axon finds them (annotated with
     * {@link EventHandler} or an annotation carrying it), each with the payload type it takes: the annotation's
     * {@code payloadType}, else its first parameter's type.
     */
    private static Map<Method, Class<?>> eventHandlerMethods(Class<?> handlerType) {
        Map<Method, Class<?>> methods = new LinkedHashMap<>();
        for (Class<?> type = handlerType; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                AnnotationUtils.findAnnotationAttributes(method, EventHandler.class).ifPresent(attributes -> {
                    Object declared = attributes.get("payloadType");
                    methods.put(method, declared instanceof Class<?> payload && payload != Object.class ? payload
                            : method.getParameterCount() > 0 ? method.getParameterTypes()[0] : Object.class);
                });
            }
        }
        return methods;
    }

    @Override
    public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
        Class<?> payloadType = eventMessage.getPayloadType();
        if (!canHandleType(payloadType)) {
            return false;
        }
        if (handlers == null) {
            return group.canHandle(eventMessage, segment);
        }
        // the root segment matches every event: the group's answer for it is whether a handler takes the event
        MessageShape shape = MessageShape.of(eventMessage,
                readsMetaData.computeIfAbsent(payloadType, this::handlersReadMetaData));
        Boolean handled = handlesShape.get(shape);
        if (handled == null) {
            handled = group.canHandle(eventMessage, Segment.ROOT_SEGMENT);
            if (handlesShape.size() < MAX_SHAPES) { // a few shapes in practice; never a map without bound
                handlesShape.put(shape, handled);
            }
        }
        return handled && segment.matches(Objects.hashCode(sequenceIdentifier(eventMessage)));
    }

    /**
     * Whether one of the group's handler methods for events of this payload type may take an event or not by its
     * metadata: a parameter of type {@link MetaData} (or a map it is), or one with an annotation other than those of
     * Axon's that read the message's identity, class or timestamp ({@link MetaDataValue} and any annotation of our
     * own count). Handler methods are found as Axon finds them ({@link #eventHandlerMethods}). A handler whose class
     * is not known counts as reading metadata.
     */
    private boolean handlersReadMetaData(Class<?> payloadType) {
        for (EventMessageHandler handler : handlers.eventHandlers()) {
            Class<?> target = handler.getTargetType();
            if (target == null || target == Object.class || EventMessageHandler.class.isAssignableFrom(target)) {
                return true;
            }
            for (var method : eventHandlerMethods(target).entrySet()) {
                if (method.getValue().isAssignableFrom(payloadType) && readsMetaData(method.getKey())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean readsMetaData(Method method) {
        for (Parameter parameter : method.getParameters()) {
            if (Map.class.isAssignableFrom(parameter.getType())) {
                return true; // MetaData itself, or a map it can be given as
            }
            for (Annotation annotation : parameter.getAnnotations()) {
                if (!NOT_FROM_METADATA.contains(annotation.annotationType())) {
                    return true;
                }
            }
        }
        return false;
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
