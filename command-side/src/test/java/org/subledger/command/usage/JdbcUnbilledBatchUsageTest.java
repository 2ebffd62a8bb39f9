package org.subledger.command.usage;

import org.junit.jupiter.api.Test;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.rating.RatingLine;
import org.subledger.kernel.subscription.ActionClassification;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.subscription.SubscriptionAction;
import org.subledger.kernel.usage.UsageRecorded;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Billing's rows of batch records hold every value of a {@code UsageRecorded} in a column of its own (V3_1040): a value
 * the event gains must gain a column, or bills made from the rows would lose it. The round trip through PostgreSQL is
 * {@code UsageBatchEventIT}'s.
 */
class JdbcUnbilledBatchUsageTest {

    @Test
    void everyValueOfAUsageRecordHasItsColumn() {
        assertThat(components(UsageRecorded.class)).containsExactly("subscriptionId", "accountId", "recordId",
                "productCode", "usageCatalogCode", "relatedServiceCode", "usedAt", "amount", "explanation",
                "recordedOn", "action");
        assertThat(components(RatingLine.class)).containsExactly("level", "units", "unitAmount", "amount");
        assertThat(components(SubscriptionAction.class)).containsExactly("behaviourCode",
                "businessClassificationCode", "actionType", "subActionType");
        assertThat(JdbcUnbilledBatchUsage.Column.NAMES).containsExactly("subscription_id", "record_id",
                "account_id", "product_code", "usage_catalog_code", "related_service_code", "used_at", "amount",
                "currency", "rating_level", "rating_units", "unit_amount", "line_amount", "recorded_on",
                "behaviour_code", "business_classification_code", "action_type", "sub_action_type");
    }

    @Test
    void aRecordIsItsRowsCsvColumnsWithItsTextsQuotedAndItsNullsEmpty() {
        var record = new UsageRecorded("S-1", "A-1", "R,\"1\"", "BRAVEHEART", "PPV", null,
                LocalDateTime.of(2026, 3, 20, 21, 30, 0, 123_456_789), Money.of("3.50", "EUR"),
                new RatingLine("21:00-24:00", 1, Money.of("3.50", "EUR"), Money.of("3.50", "EUR")),
                LocalDate.of(2026, 3, 21), SubscriptionAction.of(BehaviourCode.RECORD_USAGE,
                new ActionClassification(null, "MEDIATION", null)));
        var csv = new StringBuilder();
        JdbcUnbilledBatchUsage.Column.write(csv, record);
        assertThat(csv).hasToString("\"S-1\",\"R,\"\"1\"\"\",\"A-1\",\"BRAVEHEART\",\"PPV\",,"
                + "\"2026-03-20T21:30:00.123456789\",3.50,EUR,\"21:00-24:00\",1,3.50,3.50,2026-03-21,"
                + "\"RECORD_USAGE\",,\"MEDIATION\",");
    }

    @Test
    void aRatingLineInAnotherCurrencyIsNotWrittenAsTheRecords() {
        var record = new UsageRecorded("S-1", "A-1", "R-1", "BRAVEHEART", "PPV", null,
                LocalDateTime.of(2026, 3, 20, 21, 30), Money.of("3.50", "EUR"),
                new RatingLine("base", 1, Money.of("3.50", "USD"), Money.of("3.50", "USD")),
                LocalDate.of(2026, 3, 21), null);
        assertThatThrownBy(() -> JdbcUnbilledBatchUsage.Column.write(new StringBuilder(), record))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("rated in EUR");
    }

    private static String[] components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toArray(String[]::new);
    }
}
