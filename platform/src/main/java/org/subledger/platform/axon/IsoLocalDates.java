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
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateTimeDeserializer;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * {@code LocalDate} and {@code LocalDateTime} in JSON as {@code yyyy-MM-dd} and {@code yyyy-MM-ddTHH:mm:ss[.fraction]},
 * written and read without a {@code DateTimeFormatter}: the same text the JavaTimeModule writes and reads
 * ({@code ISO_LOCAL_DATE}, {@code ISO_LOCAL_DATE_TIME}), at a fraction of its cost. Its formatter's parse was 3 % of a
 * bill run's CPU with discounts in a JFR profile (every line, period, application and due date of a bill is a date),
 * and 5 % of the ledger's CPU taking usage over HTTP (every record's {@code usedAt}, read from the request and again
 * by each processor of its event). {@link LocalDate#toString()} is ISO-8601 ({@code yyyy-MM-dd} for the years
 * 0–9999, a sign and more digits beyond), which is what {@code ISO_LOCAL_DATE} writes; the time is written as
 * {@code ISO_LOCAL_TIME} writes it (seconds always, the fraction without its trailing zeros).
 *
 * <p>Only the exact shapes are read here: a text that is not {@code yyyy-MM-dd}, {@code yyyy-MM-ddTHH:mm},
 * {@code yyyy-MM-ddTHH:mm:ss} or that with 1 to 9 digits of fraction, in digits (another form the JavaTimeModule
 * accepts: an array, a number, a signed year, a lower-case {@code t}, a trailing {@code Z}), and a date or time that
 * does not exist, go to the JavaTimeModule's reader, so what it accepted and refused before, it still does, with the
 * same messages. The request bodies' readers use the same ({@code RequestJson}), inside their bounds on the year.
 */
public final class IsoLocalDates {

    private IsoLocalDates() {
    }

    /** Registered after the JavaTimeModule, so its readers and writers of these types are the ones used. */
    static SimpleModule module() {
        return new SimpleModule("iso-local-dates")
                .addSerializer(LocalDate.class, new Writer())
                .addDeserializer(LocalDate.class, new Reader())
                .addSerializer(LocalDateTime.class, new DateTimeWriter())
                .addDeserializer(LocalDateTime.class, new DateTimeReader());
    }

    /** The reader of {@code LocalDate}, for a mapper of its own (the request bodies'). */
    public static StdScalarDeserializer<LocalDate> dateReader() {
        return new Reader();
    }

    /** The reader of {@code LocalDateTime}, for a mapper of its own (the request bodies'). */
    public static StdScalarDeserializer<LocalDateTime> dateTimeReader() {
        return new DateTimeReader();
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

        static int digits(char[] text, int from, int count) {
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

    static final class DateTimeWriter extends StdScalarSerializer<LocalDateTime> {
        DateTimeWriter() {
            super(LocalDateTime.class);
        }

        @Override
        public void serialize(LocalDateTime value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            generator.writeString(isoDateTime(value));
        }

        /** What {@code ISO_LOCAL_DATE_TIME} writes. */
        static String isoDateTime(LocalDateTime value) {
            var text = new StringBuilder(29).append(value.toLocalDate()).append('T');
            twoDigits(text, value.getHour()).append(':');
            twoDigits(text, value.getMinute()).append(':');
            twoDigits(text, value.getSecond());
            int nano = value.getNano();
            if (nano > 0) {
                int length = 9;
                while (nano % 10 == 0) {
                    nano /= 10;
                    length--;
                }
                String digits = Integer.toString(nano);
                text.append('.');
                for (int i = digits.length(); i < length; i++) {
                    text.append('0');
                }
                text.append(digits);
            }
            return text.toString();
        }

        private static StringBuilder twoDigits(StringBuilder text, int value) {
            return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
        }
    }

    static final class DateTimeReader extends StdScalarDeserializer<LocalDateTime> {
        DateTimeReader() {
            super(LocalDateTime.class);
        }

        @Override
        public LocalDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                LocalDateTime dateTime = isoDateTime(parser.getTextCharacters(), parser.getTextOffset(),
                        parser.getTextLength());
                if (dateTime != null) {
                    return dateTime;
                }
            }
            return LocalDateTimeDeserializer.INSTANCE.deserialize(parser, context);
        }

        /**
         * {@code yyyy-MM-ddTHH:mm}, {@code yyyy-MM-ddTHH:mm:ss} or that with {@code .} and 1 to 9 digits, or null when
         * the text is none of these or no such date and time exists.
         */
        static LocalDateTime isoDateTime(char[] text, int offset, int length) {
            if (length != 16 && length != 19 && (length < 21 || length > 29)) {
                return null;
            }
            if (text[offset + 10] != 'T' || text[offset + 13] != ':') {
                return null;
            }
            LocalDate date = Reader.isoDate(text, offset);
            int hour = Reader.digits(text, offset + 11, 2);
            int minute = Reader.digits(text, offset + 14, 2);
            int second = 0;
            int nano = 0;
            if (length > 16) {
                if (text[offset + 16] != ':') {
                    return null;
                }
                second = Reader.digits(text, offset + 17, 2);
                if (length > 19) {
                    if (text[offset + 19] != '.') {
                        return null;
                    }
                    int digits = length - 20;
                    nano = Reader.digits(text, offset + 20, digits);
                    for (int i = digits; i < 9 && nano >= 0; i++) {
                        nano *= 10;
                    }
                }
            }
            if (date == null || hour < 0 || minute < 0 || second < 0 || nano < 0) {
                return null;
            }
            try {
                return date.atTime(hour, minute, second, nano);
            } catch (DateTimeException e) {
                return null; // the JavaTimeModule's reader says why
            }
        }
    }
}
