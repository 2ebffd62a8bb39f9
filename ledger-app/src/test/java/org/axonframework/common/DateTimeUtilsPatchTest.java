package org.axonframework.common;

import org.axonframework.common.Assert;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ledger's DateTimeUtils (see its header) is the one the class path loads, and it writes and reads exactly what
 * Axon's formatters do: {@code DateTimeUtils.WRITTEN} (Axon 4.13.0's formatter, rebuilt) and
 * {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} (what Axon parses with).
 */
class DateTimeUtilsPatchTest {

    @Test
    void theLedgersDateTimeUtilsIsTheOneLoadedNotAxons() throws Exception {
        assertThat(DateTimeUtils.class.getDeclaredField("LEDGER_PATCH")).isNotNull();
        Path loadedFrom = Path.of(DateTimeUtils.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path axonJar = Path.of(Assert.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(loadedFrom).isNotEqualTo(axonJar);
        assertThat(loadedFrom.toString()).doesNotContain("axon-messaging");
    }

    @Test
    void writesAndReadsEveryInstantAsAxonsFormattersDo() {
        var random = new Random(20261203);
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.parse("2026-12-03T07:35:03.968Z"),
                Instant.parse("2026-12-31T23:59:59.999999999Z"), Instant.parse("2024-02-29T12:00:00.000500Z"),
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("-0001-12-31T23:59:59Z")));
        for (int i = 0; i < 20_000; i++) {
            instants.add(Instant.ofEpochSecond(random.nextLong(-70_000_000_000L, 260_000_000_000L),
                    random.nextInt(1_000_000_000)));
        }
        for (Instant instant : List.of(Instant.MIN, Instant.MAX)) { // beyond LocalDateTime: Axon's formatter refuses
            assertThatThrownBy(() -> DateTimeUtils.WRITTEN.format(instant)).isInstanceOf(DateTimeException.class);
            assertThatThrownBy(() -> DateTimeUtils.formatInstant(instant)).isInstanceOf(DateTimeException.class);
        }
        for (Instant instant : instants) {
            String written = DateTimeUtils.formatInstant(instant);
            assertThat(written).as(instant.toString()).isEqualTo(DateTimeUtils.WRITTEN.format(instant));
            assertThat(DateTimeUtils.parseInstant(written)).as(written)
                    .isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(written, Instant::from));
        }
    }

    @Test
    void readsAndRefusesOtherTextsAsAxonsParserDoes() {
        for (String text : List.of("2026-12-03T07:35:03.968Z", "2026-12-03t07:35:03.968Z", "2026-12-03T07:35:03.968z",
                "2026-12-03T07:35:03Z", "2026-12-03T07:35Z", "2026-12-03T07:35:03.968123Z",
                "2026-12-03T08:35:03.968+01:00", "2026-12-03T07:35:03.968-00:00", "2026-02-30T07:35:03.968Z",
                "2026-12-03T24:00:00.000Z", "2026-12-03T07:60:03.968Z", "2026-12-03T07:35:60.968Z",
                "2026-13-03T07:35:03.968Z", "2026-12-03 07:35:03.968Z", "2026-12-03T07:35:03,968Z",
                "2026-12-03T07:35:03.96aZ", "+2026-12-03T07:35:03.96Z", "2026-12-03T07:35:03.968", "not a timestamp",
                "2026-1a-03T07:35:03.968Z")) {
            Instant expected;
            try {
                expected = DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
            } catch (DateTimeParseException refused) {
                assertThatThrownBy(() -> DateTimeUtils.parseInstant(text)).as(text)
                        .isInstanceOf(DateTimeParseException.class);
                continue;
            }
            assertThat(DateTimeUtils.parseInstant(text)).as(text).isEqualTo(expected);
        }
    }
}
