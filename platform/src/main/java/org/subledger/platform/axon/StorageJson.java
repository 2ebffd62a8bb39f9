package org.subledger.platform.axon;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.json.JacksonSerializer;
import org.subledger.kernel.billing.LineExplanation;
import org.subledger.kernel.subscription.SubscriptionAction;
import org.subledger.kernel.usage.UsageRecorded;

/**
 * The stored format of events, snapshots, sagas, tokens and dead letters: readable JSON written by an
 * {@link ObjectMapper} that belongs to storage alone. It is deliberately not Spring's web mapper, so a
 * {@code spring.jackson.*} setting can never change what is already in the event store.
 */
public final class StorageJson {

    private StorageJson() {
    }

    public static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(IsoLocalDates.module()) // after the JavaTimeModule: its LocalDate reader and writer win
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                // a reader tolerates fields it does not know: additive changes need no upcaster
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // sagas and snapshots keep state in private fields without getters
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                // a bill line's explanation is written without its null fields, which a reader takes as null again
                // (most are null on most lines: a bill run's BillIssued is ~10 % shorter)
                .addMixIn(LineExplanation.class, WithoutNulls.class)
                // so are a subscription event's action (mostly unclassified: three nulls on every subscription event)
                // and a usage record (which mostly has no related service): a usage record's event ~15 % shorter,
                // which every processor reads and the read models deserialise (issue 17)
                .addMixIn(SubscriptionAction.class, WithoutNulls.class)
                .addMixIn(UsageRecorded.class, WithoutNulls.class)
                .build();
    }

    /** Leaves out null fields of the class it is mixed into. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private interface WithoutNulls {
    }

    public static JacksonSerializer serializer() {
        return serializer(new AnnotationRevisionResolver());
    }

    public static JacksonSerializer serializer(RevisionResolver revisionResolver) {
        return JacksonSerializer.builder()
                .objectMapper(objectMapper())
                .revisionResolver(revisionResolver)
                .build();
    }
}
