package org.subledger.platform.web.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import org.subledger.kernel.money.Money;
import org.subledger.platform.axon.IsoLocalDates;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/**
 * How request bodies are read: strictly, and within the ledger's input bounds (see
 * {@link org.subledger.kernel.input.InputBounds}). A copy of Spring's mapper, used by the HTTP message converter
 * only: storage has its own mapper, and what the ledger writes is unchanged.
 */
public final class RequestJson {

    static final long MAX_BODY_CHARACTERS = 10_000_000;

    private RequestJson() {
    }

    public static ObjectMapper strict(ObjectMapper base) {
        ObjectMapper mapper = base.copy();
        // a client's typo, a repeated key or a second document after the first must never pass silently
        mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // the largest legitimate body, a usage batch of 10,000 records, is about 2 MB
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxDocumentLength(MAX_BODY_CHARACTERS).maxNestingDepth(32).maxNumberLength(100).build());
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        // units: 1.5 is refused, not truncated to 1
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.registerModule(boundsModule());
        return mapper;
    }

    static SimpleModule boundsModule() {
        var module = new SimpleModule("ledger-input-bounds");
        module.addDeserializer(String.class, BoundedStringDeserializer.CODE);
        module.addKeyDeserializer(String.class, new BoundedStringDeserializer.Keys());
        module.addDeserializer(BigDecimal.class, new BoundedNumberDeserializers.Decimals());
        module.addDeserializer(Integer.class, BoundedNumberDeserializers.Integers.ints(Integer.class));
        module.addDeserializer(Integer.TYPE, BoundedNumberDeserializers.Integers.ints(Integer.TYPE));
        module.addDeserializer(Long.class, BoundedNumberDeserializers.Integers.longs(Long.class));
        module.addDeserializer(Long.TYPE, BoundedNumberDeserializers.Integers.longs(Long.TYPE));
        module.addDeserializer(Money.class, new RequestMoneyDeserializer());
        module.addDeserializer(LocalDate.class,
                new BoundedDateDeserializer<>(LocalDate.class, IsoLocalDates.dateReader()));
        module.addDeserializer(LocalDateTime.class,
                new BoundedDateDeserializer<>(LocalDateTime.class, IsoLocalDates.dateTimeReader()));
        module.addDeserializer(Instant.class,
                new BoundedDateDeserializer<>(Instant.class, InstantDeserializer.INSTANT));
        module.addDeserializer(OffsetDateTime.class,
                new BoundedDateDeserializer<>(OffsetDateTime.class, InstantDeserializer.OFFSET_DATE_TIME));
        return module;
    }
}
