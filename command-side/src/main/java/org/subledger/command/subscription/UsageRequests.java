package org.subledger.command.subscription;

import jakarta.validation.constraints.Max;
import org.subledger.kernel.input.FreeText;
import org.subledger.kernel.input.Name;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.subledger.kernel.billing.BillingDirective;
import org.subledger.kernel.usage.UsageRecord;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** Bodies of the usage, one-off charge and billing directive endpoints. */
final class UsageRequests {

    private UsageRequests() {
    }

    /** One usage detail record: its id (the client's, unique per subscription), the usage service and when used. */
    record UsageRecordRequest(@NotBlank @Name(max = 100) String recordId,
                              @NotBlank @Size(max = 64) String productCode,
                              @NotNull LocalDateTime usedAt) {

        UsageRecord record() {
            return new UsageRecord(recordId, productCode, usedAt);
        }
    }

    /** Usage of one subscription: either one record ({@code recordId}, ...) or several ({@code records}). */
    record UsageRequest(@Name(max = 100) String recordId,
                        @Size(max = 64) String productCode,
                        LocalDateTime usedAt,
                        @Size(max = 1000) List<@NotNull @Valid UsageRecordRequest> records) {

        List<UsageRecord> usageRecords() {
            if (records != null && !records.isEmpty()) {
                return records.stream().map(UsageRecordRequest::record).toList();
            }
            return recordId == null && productCode == null && usedAt == null ? List.of()
                    : List.of(new UsageRecord(recordId, productCode, usedAt));
        }
    }

    /** A record of a batch names its subscription. */
    record BatchRecordRequest(@NotBlank @Size(max = 255) String subscriptionId,
                              @NotBlank @Name(max = 100) String recordId,
                              @NotBlank @Size(max = 64) String productCode,
                              @NotNull LocalDateTime usedAt) {

        UsageRecord record() {
            return new UsageRecord(recordId, productCode, usedAt);
        }
    }

    record UsageBatchRequest(@NotEmpty @Size(max = MAX_BATCH) List<@NotNull @Valid BatchRecordRequest> records) {

        /**
         * Whether bean validation finds nothing wrong with the batch, checked by hand: Hibernate Validator took 7 % of
         * the ledger's CPU on batches of 1,000 valid records (a property path built per record and constraint). When
         * this says no, the caller asks bean validation, whose problems are the ones answered; {@code UsageRequestsTest}
         * holds the two to the same verdict.
         */
        boolean plainlyValid() {
            if (records == null || records.isEmpty() || records.size() > MAX_BATCH) {
                return false;
            }
            for (BatchRecordRequest record : records) {
                if (record == null || !text(record.subscriptionId(), 255) || !text(record.recordId(), Integer.MAX_VALUE)
                        || !text(record.productCode(), 64) || record.usedAt() == null) {
                    return false;
                }
            }
            return true;
        }

        /** {@code @NotBlank} (not null, something left once trimmed) and {@code @Size(max)}. */
        private static boolean text(String value, int max) {
            return value != null && value.length() <= max && !value.trim().isEmpty();
        }
    }

    /** The most records a batch may hold. */
    static final int MAX_BATCH = 10_000;

    /** {@code chargeId} left out: derived from the Idempotency-Key if given, else new. */
    record OneOffChargeRequest(@Name(max = 100) String chargeId,
                               @NotBlank @Size(max = 64) String productCode,
                               @Min(1) @Max(1_000_000) long units,
                               LocalDate chargedOn,
                               @FreeText(max = 500) String description) {
    }

    record BillingDirectiveRequest(@NotNull BillingDirective directive,
                                   @FreeText(max = 500) String reason,
                                   LocalDate actionDate) {
    }
}
