package org.subledger.query.billing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.subledger.kernel.billing.LineExplanation;

/**
 * Reads {@code bill_line.explanation} back into the kernel's {@link LineExplanation}. A mapper of its own, so neither
 * the web layer's {@code spring.jackson.*} settings nor the event store's serializer change how the read model is
 * read.
 */
final class ExplanationJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            // the read model may gain fields before this reader knows them
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ExplanationJson() {
    }

    static LineExplanation read(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, LineExplanation.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The read model holds a line explanation that cannot be read", e);
        }
    }
}
