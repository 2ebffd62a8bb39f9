/*
 * SUBSCRIPTION LEDGER PATCH: takes the place of Axon Framework 4.13.0's org.axonframework.common.DateTimeUtils
 * (messaging module), with the same public methods and the same results, written for the ledger (no Axon code in
 * it). Axon formats every event's timestamp with a DateTimeFormatter when it is stored, and parses it back with
 * DateTimeFormatter.ISO_OFFSET_DATE_TIME every time a processor reads the event (AbstractEventEntry.getTimestamp):
 * 2.3 % of the ledger's CPU samples taking usage over HTTP (docs/benchmarks.md, session 13). Here the form Axon
 * writes, yyyy-MM-ddTHH:mm:ss.SSSZ for the years 0000-9999, is written and read without a formatter; any other text
 * or instant goes to the formatters Axon uses, so what Axon accepted, refused or wrote before, this class does too.
 * It shadows Axon's class because ledger-app's own classes come first on the class path (BOOT-INF/classes in the
 * fat jar, target/classes in tests); DateTimeUtilsPatchTest and FatJarAxonPatchIT prove it and compare it with the
 * formatters, and AxonPatches reports it at start. On an Axon upgrade, check that Axon's DateTimeUtils still has
 * these two methods with this behaviour, or drop this file.
 */
package org.axonframework.common;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/** Event timestamps as text: ISO 8601, in UTC when written, with exactly three digits of fraction (milliseconds). */
public abstract class DateTimeUtils {

    /** Marks the ledger's class (AxonPatches, DateTimeUtilsPatchTest). */
    static final boolean LEDGER_PATCH = true;

    /** What Axon 4.13.0 writes with: a year of 4 to 10 digits, milliseconds truncated, the offset (Z) in UTC. */
    static final DateTimeFormatter WRITTEN = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendValue(ChronoField.YEAR, 4, 10, SignStyle.EXCEEDS_PAD).appendLiteral('-')
            .appendValue(ChronoField.MONTH_OF_YEAR, 2).appendLiteral('-')
            .appendValue(ChronoField.DAY_OF_MONTH, 2).appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2).appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .appendFraction(ChronoField.NANO_OF_SECOND, 3, 3, true)
            .appendOffsetId()
            .toFormatter()
            .withZone(ZoneOffset.UTC);

    private static final int WRITTEN_LENGTH = "2026-01-01T00:00:00.000Z".length();
    private static final long YEAR_0 = LocalDateTime.of(0, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long YEAR_10000 = LocalDateTime.of(10_000, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);

    private DateTimeUtils() {
    }

    /** An ISO 8601 timestamp with any offset (as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} reads it). */
    public static Instant parseInstant(CharSequence timestamp) {
        if (timestamp.length() == WRITTEN_LENGTH) {
            Instant instant = written(timestamp);
            if (instant != null) {
                return instant;
            }
        }
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(timestamp, Instant::from);
    }

    /** The instant in UTC, with exactly three digits of fraction (sortable as text within the years 0000-9999). */
    public static String formatInstant(TemporalAccessor instant) {
        if (instant instanceof Instant value && value.getEpochSecond() >= YEAR_0
                && value.getEpochSecond() < YEAR_10000) {
            LocalDateTime utc = LocalDateTime.ofEpochSecond(value.getEpochSecond(), value.getNano(), ZoneOffset.UTC);
            char[] text = new char[WRITTEN_LENGTH];
            digits(text, 0, utc.getYear(), 4);
            text[4] = '-';
            digits(text, 5, utc.getMonthValue(), 2);
            text[7] = '-';
            digits(text, 8, utc.getDayOfMonth(), 2);
            text[10] = 'T';
            digits(text, 11, utc.getHour(), 2);
            text[13] = ':';
            digits(text, 14, utc.getMinute(), 2);
            text[16] = ':';
            digits(text, 17, utc.getSecond(), 2);
            text[19] = '.';
            digits(text, 20, utc.getNano() / 1_000_000, 3);
            text[23] = 'Z';
            return new String(text);
        }
        return WRITTEN.format(instant);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss.SSSZ}, or null when the text is not exactly that or no such instant exists. */
    private static Instant written(CharSequence text) {
        if (text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':' || text.charAt(19) != '.' || text.charAt(23) != 'Z') {
            return null;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 2);
        int day = number(text, 8, 2);
        int hour = number(text, 11, 2);
        int minute = number(text, 14, 2);
        int second = number(text, 17, 2);
        int millis = number(text, 20, 3);
        if ((year | month | day | hour | minute | second | millis) < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException noSuchInstant) {
            return null; // the formatter says why
        }
    }

    private static int number(CharSequence text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static void digits(char[] text, int from, int value, int count) {
        for (int i = from + count - 1; i >= from; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
