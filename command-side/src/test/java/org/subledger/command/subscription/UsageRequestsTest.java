package org.subledger.command.subscription;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.command.subscription.UsageRequests.BatchRecordRequest;
import static org.subledger.command.subscription.UsageRequests.UsageBatchRequest;

/**
 * The hand check of a usage batch ({@link UsageBatchRequest#plainlyValid}) gives bean validation's verdict on every
 * batch: each value of each field at the edges of its constraints, alone and among valid records, and the list's own
 * bounds. Were a constraint added to the request without the hand check learning it, a batch breaking it would pass.
 */
class UsageRequestsTest {

    static final LocalDateTime USED = LocalDateTime.of(2026, 3, 20, 21, 30);
    static final BatchRecordRequest VALID = new BatchRecordRequest("S-1", "R-1", "BRAVEHEART", USED);
    static final List<String> TEXTS = Arrays.asList(null, "", " ", "\t", " x ", "\u2003", "x", "a".repeat(64),
            "a".repeat(65), "a".repeat(100), "a".repeat(255), "a".repeat(256), " ".repeat(300));

    static jakarta.validation.ValidatorFactory factory;
    static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void everyFieldAtTheEdgesOfItsConstraintsGetsBeanValidationsVerdict() {
        List<BatchRecordRequest> records = new ArrayList<>();
        for (String text : TEXTS) {
            records.add(new BatchRecordRequest(text, "R-1", "BRAVEHEART", USED));
            records.add(new BatchRecordRequest("S-1", text, "BRAVEHEART", USED));
            records.add(new BatchRecordRequest("S-1", "R-1", text, USED));
        }
        records.add(new BatchRecordRequest("S-1", "R-1", "BRAVEHEART", null));
        records.add(null);
        records.add(VALID);
        int valid = 0;
        for (BatchRecordRequest record : records) {
            List<BatchRecordRequest> alone = Collections.singletonList(record);
            List<BatchRecordRequest> among = Arrays.asList(VALID, record, VALID);
            assertSameVerdict(new UsageBatchRequest(alone));
            assertSameVerdict(new UsageBatchRequest(among));
            valid += validator.validate(new UsageBatchRequest(alone)).isEmpty() ? 1 : 0;
        }
        assertThat(valid).as("both verdicts met").isBetween(2, records.size() - 2);
    }

    @Test
    void theListsOwnBoundsGetBeanValidationsVerdict() {
        assertSameVerdict(new UsageBatchRequest(null));
        assertSameVerdict(new UsageBatchRequest(List.of()));
        assertSameVerdict(new UsageBatchRequest(Collections.nCopies(UsageRequests.MAX_BATCH, VALID)));
        assertSameVerdict(new UsageBatchRequest(Collections.nCopies(UsageRequests.MAX_BATCH + 1, VALID)));
        assertThat(new UsageBatchRequest(Collections.nCopies(UsageRequests.MAX_BATCH, VALID)).plainlyValid()).isTrue();
    }

    private static void assertSameVerdict(UsageBatchRequest batch) {
        var violations = validator.validate(batch);
        assertThat(batch.plainlyValid()).as("%s: %s", batch.records() == null ? null
                : batch.records().size() > 3 ? batch.records().size() + " records" : batch.records(), violations)
                .isEqualTo(violations.isEmpty());
    }
}
