package org.subledger.projection.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Writes catalog definitions (records of the shared kernel) as the JSON of the read models' {@code jsonb} columns:
 * record components by name, enums by name, dates and times as ISO-8601 strings, currencies by code, {@code Money}
 * as {@code {"amount": 19.99, "currency": "EUR"}}, map keys sorted. Its own mapper: this is a published format of
 * the read model that reporting tools query, independent of the web's and the event store's settings.
 */
final class DefinitionJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private DefinitionJson() {
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
