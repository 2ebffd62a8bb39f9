package org.subledger.platform.web.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import org.subledger.kernel.input.InputBounds;

import java.io.IOException;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * Dates and instants of request bodies within the years of {@link InputBounds}: Jackson's own deserializer parses,
 * this one refuses {@code +999999999-12-31} and its like before they reach date arithmetic or a column.
 */
final class BoundedDateDeserializer<T extends TemporalAccessor> extends StdScalarDeserializer<T> {

    private static final Instant FIRST = Year.of(InputBounds.MIN_YEAR).atDay(1).atStartOfDay(ZoneOffset.UTC)
            .toInstant();
    private static final Instant AFTER_LAST = Year.of(InputBounds.MAX_YEAR + 1).atDay(1)
            .atStartOfDay(ZoneOffset.UTC).toInstant();

    private final JsonDeserializer<T> delegate;

    BoundedDateDeserializer(Class<T> type, JsonDeserializer<T> delegate) {
        super(type);
        this.delegate = delegate;
    }

    @Override
    public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            // Jackson would take 12345 as a day number and [2026, 3, 1] as a date: only ISO 8601 text is a date here
            throw new InputRefusedException(parser, "must be an ISO 8601 date or time as text");
        }
        T value = delegate.deserialize(parser, context);
        if (value != null && !inRange(value)) {
            throw new InputRefusedException(parser, InputBounds.yearProblem());
        }
        return value;
    }

    static boolean inRange(TemporalAccessor value) {
        if (value instanceof Instant instant) {
            // compared as instants: the year of Instant.MAX does not even fit a LocalDateTime
            return !instant.isBefore(FIRST) && instant.isBefore(AFTER_LAST);
        }
        return InputBounds.yearInRange(value.get(ChronoField.YEAR));
    }
}
