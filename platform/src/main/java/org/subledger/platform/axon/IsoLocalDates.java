package org.subledger.platform.axon;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * {@code LocalDate} in the stored JSON as {@code yyyy-MM-dd}, written and read without a {@code DateTimeFormatter}:
 * the same text the JavaTimeModule writes and reads, at a fraction of its cost (its formatter's parse was 3 % of a
 * bill run's CPU with discounts in a JFR profile: every line, period, application and due date of a bill is a date). {@link LocalDate#toString()} is ISO-8601 ({@code yyyy-MM-dd} for the years 0–9999, a sign and
 * more digits beyond), which is what {@code DateTimeFormatter.ISO_LOCAL_DATE} writes. A text that is not exactly
 * {@code yyyy-MM-dd} in digits (another form the JavaTimeModule accepts: an array, a number, a date-time, a signed
 * year), and a date that does not exist, go to the JavaTimeModule's reader, so what it accepted and refused before,
 * it still does, with the same messages.
 */
final class IsoLocalDates {

    private IsoLocalDates() {
    }

    /** Registered after the JavaTimeModule, so its reader and writer of {@code LocalDate} are the ones used. */
    static SimpleModule module() {
        return new SimpleModule("iso-local-dates")
                .addSerializer(LocalDate.class, new Writer())
                .addDeserializer(LocalDate.class, new Reader());
    }

    static final class Writer extends StdScalarSerializer<LocalDate> {
        Writer() {
            super(LocalDate.class);
        }

        @Override
        public void serialize(LocalDate value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            generator.writeString(value.toString());
        }
    }

    static final class Reader extends StdScalarDeserializer<LocalDate> {
        Reader() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_STRING && parser.getTextLength() == 10) {
                LocalDate date = isoDate(parser.getTextCharacters(), parser.getTextOffset());
                if (date != null) {
                    return date;
                }
            }
            return LocalDateDeserializer.INSTANCE.deserialize(parser, context);
        }

        /** {@code yyyy-MM-dd} at {@code offset}, or null when the ten characters are not that or no such day exists. */
        static LocalDate isoDate(char[] text, int offset) {
            if (text[offset + 4] != '-' || text[offset + 7] != '-') {
                return null;
            }
            int year = digits(text, offset, 4);
            int month = digits(text, offset + 5, 2);
            int day = digits(text, offset + 8, 2);
            if (year < 0 || month < 0 || day < 0) {
                return null;
            }
            try {
                return LocalDate.of(year, month, day);
            } catch (DateTimeException e) {
                return null; // the JavaTimeModule's reader says why
            }
        }

        private static int digits(char[] text, int from, int count) {
            int value = 0;
            for (int i = from; i < from + count; i++) {
                char c = text[i];
                if (c < '0' || c > '9') {
                    return -1;
                }
                value = value * 10 + (c - '0');
            }
            return value;
        }
    }
}
