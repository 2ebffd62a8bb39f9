package org.subledger.projection.billing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.subledger.kernel.billing.LineExplanation;

/**
 * Writes a bill line's {@link LineExplanation} as the JSON of {@code bill_line.explanation}: record components by
 * name, enums by name, {@code Money} as {@code {"amount": 19.99, "currency": "EUR"}}, a field without a value left out
 * (for {@code explanation->>'daysCharged'} the same null as a JSON null; most lines leave out half their fields, and a
 * bill run writes millions of lines). Its own mapper: this is a
 * published format of the read model that reporting tools query, independent of the web's and the event store's
 * settings.
 */
final class ExplanationJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private ExplanationJson() {
    }

    static String write(LineExplanation explanation) {
        if (explanation == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(explanation);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write a line explanation as JSON", e);
        }
    }
}
