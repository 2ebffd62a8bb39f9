package org.subledger.platform.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsoLocalDatesTest {

    /** The stored format before {@link IsoLocalDates}: the JavaTimeModule alone. */
    private static final ObjectMapper REFERENCE = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final ObjectMapper STORAGE = StorageJson.objectMapper();

    record Dated(LocalDate on, List<LocalDate> dates) {
    }

    record Timed(LocalDateTime at, List<LocalDateTime> times) {
    }

    @Test
    void theStorageMapperUsesTheIsoReaderAndWriter() throws Exception {
        var config = STORAGE.getDeserializationConfig();
        var type = STORAGE.constructType(LocalDate.class);
        assertThat(((DefaultDeserializationContext) STORAGE.getDeserializationContext()).createInstance(config, null, null)
                .findRootValueDeserializer(type)).isInstanceOf(IsoLocalDates.Reader.class);
        assertThat(STORAGE.getSerializerProviderInstance().findValueSerializer(LocalDate.class))
                .isInstanceOf(IsoLocalDates.Writer.class);
    }

    @Test
    void writesAndReadsEveryDateAsTheJavaTimeModuleDoes() throws Exception {
        var random = new Random(20261203);
        List<LocalDate> dates = new ArrayList<>(List.of(LocalDate.of(1, 1, 1), LocalDate.of(999, 12, 31),
                LocalDate.of(2024, 2, 29), LocalDate.of(9999, 12, 31), LocalDate.of(10_000, 1, 1),
                LocalDate.of(-1, 6, 15), LocalDate.MIN, LocalDate.MAX));
        for (int i = 0; i < 5_000; i++) {
            dates.add(LocalDate.ofEpochDay(random.nextInt(-800_000, 800_000)));
        }
        var value = new Dated(dates.get(0), dates);
        String stored = STORAGE.writeValueAsString(value);
        assertThat(stored).isEqualTo(REFERENCE.writeValueAsString(value));
        assertThat(STORAGE.readValue(stored, Dated.class)).isEqualTo(value);
        assertThat(REFERENCE.readValue(stored, Dated.class)).isEqualTo(value);
    }

    @Test
    void readsTheOtherFormsTheJavaTimeModuleAccepts() throws Exception {
        for (String json : List.of("\"2026-02-01\"", "\" 2026-02-01 \"", "[2026,2,1]",
                "\"2026-02-01T10:15:30\"", "null", "\"\"")) {
            String document = "{\"on\":" + json + "}";
            assertThat(STORAGE.readValue(document, Dated.class))
                    .as(json).isEqualTo(REFERENCE.readValue(document, Dated.class));
        }
    }

    @Test
    void refusesWhatTheJavaTimeModuleRefuses() {
        for (String json : List.of("\"2026-02-30\"", "\"2026-13-01\"", "\"2026-00-10\"", "\"20260-2-01\"",
                "\"2026/02/01\"", "\"2026-0a-01\"", "\"+2026-02-01\"", "\"not a date\"")) {
            String document = "{\"on\":" + json + "}";
            assertThatThrownBy(() -> REFERENCE.readValue(document, Dated.class)).as("reference " + json)
                    .isInstanceOf(Exception.class);
            assertThatThrownBy(() -> STORAGE.readValue(document, Dated.class)).as(json)
                    .isInstanceOf(Exception.class);
        }
    }

    @Test
    void writesAndReadsEveryDateTimeAsTheJavaTimeModuleDoes() throws Exception {
        var random = new Random(20261204);
        List<LocalDateTime> times = new ArrayList<>(List.of(LocalDateTime.of(2026, 1, 20, 21, 30),
                LocalDateTime.of(2026, 1, 20, 0, 0, 5), LocalDateTime.of(2026, 1, 20, 23, 59, 59, 999_999_999),
                LocalDateTime.of(2026, 1, 20, 10, 0, 0, 500_000_000), LocalDateTime.of(2026, 1, 20, 10, 0, 0, 1),
                LocalDateTime.of(2026, 1, 20, 10, 0, 0, 120_000), LocalDateTime.of(1, 1, 1, 0, 0),
                LocalDateTime.of(10_000, 1, 1, 1, 2, 3), LocalDateTime.of(-1, 6, 15, 12, 0), LocalDateTime.MIN,
                LocalDateTime.MAX));
        int[] scales = {1, 10, 1_000, 1_000_000, 100_000_000, 1_000_000_000};
        for (int i = 0; i < 5_000; i++) {
            int scale = scales[random.nextInt(scales.length)];
            times.add(LocalDate.ofEpochDay(random.nextInt(-800_000, 800_000)).atTime(random.nextInt(24),
                    random.nextInt(60), random.nextInt(60), random.nextInt(1_000_000_000 / scale) * scale));
        }
        var value = new Timed(times.get(0), times);
        String stored = STORAGE.writeValueAsString(value);
        assertThat(stored).isEqualTo(REFERENCE.writeValueAsString(value));
        assertThat(STORAGE.readValue(stored, Timed.class)).isEqualTo(value);
        assertThat(REFERENCE.readValue(stored, Timed.class)).isEqualTo(value);
    }

    @Test
    void readsAndRefusesDateTimesAsTheJavaTimeModuleDoes() throws Exception {
        for (String json : List.of("\"2026-01-20T21:30\"", "\"2026-01-20T21:30:07\"", "\"2026-01-20T21:30:07.5\"",
                "\"2026-01-20T21:30:07.123456789\"", "\"2026-01-20t21:30:07\"", "\"2026-01-20T21:30:07Z\"",
                "[2026,1,20,21,30]", "null", "\"\"", "\" 2026-01-20T21:30 \"", "\"2024-02-29T00:00\"",
                "\"2026-02-30T10:00\"", "\"2026-01-20T24:00\"", "\"2026-01-20T21:60\"", "\"2026-01-20T21:30:60\"",
                "\"2026-01-20T21:30:07.\"", "\"2026-01-20T21:30:07.1234567890\"", "\"2026-01-20 21:30\"",
                "\"2026-01-20T21-30\"", "\"2026-01-20T2a:30\"", "\"2026-01-20T21:30:07,5\"", "\"2026-01-20T21:30:0x\"",
                "\"2026-01-20T21:30:07.12a\"", "\"+2026-01-20T21:30\"", "\"not a date and time\"")) {
            String document = "{\"at\":" + json + "}";
            Object expected;
            try {
                expected = REFERENCE.readValue(document, Timed.class);
            } catch (Exception refused) {
                assertThatThrownBy(() -> STORAGE.readValue(document, Timed.class)).as(json)
                        .isInstanceOf(refused.getClass());
                continue;
            }
            assertThat(STORAGE.readValue(document, Timed.class)).as(json).isEqualTo(expected);
        }
    }
}
