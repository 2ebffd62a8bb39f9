package org.subledger.platform.web.input;

import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.subledger.kernel.input.InputBounds;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.function.Function;

/**
 * Dates and instants in query parameters and path variables, ISO 8601 and within the years of {@link InputBounds}.
 * Registered after Spring's own formatters, so they take precedence, also over {@code @DateTimeFormat(iso = ...)}.
 */
public final class BoundedParameterConverters {

    private BoundedParameterConverters() {
    }

    public static void register(FormatterRegistry registry) {
        registry.addConverter(String.class, LocalDate.class, bounded(LocalDate::parse));
        registry.addConverter(String.class, LocalDateTime.class, bounded(LocalDateTime::parse));
        registry.addConverter(String.class, Instant.class, bounded(Instant::parse));
        registry.addConverter(String.class, OffsetDateTime.class,
                bounded(text -> OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
    }

    private static <T extends TemporalAccessor> Converter<String, T> bounded(Function<String, T> parse) {
        return text -> {
            if (text.isBlank()) {
                return null;
            }
            T value = parse.apply(text.trim());
            if (!BoundedDateDeserializer.inRange(value)) {
                throw new IllegalArgumentException(InputBounds.yearProblem());
            }
            return value;
        };
    }
}
