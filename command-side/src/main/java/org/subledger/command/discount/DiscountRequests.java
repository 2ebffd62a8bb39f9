package org.subledger.command.discount;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.subledger.kernel.catalog.DiscountKind;
import org.subledger.kernel.catalog.DiscountValue;
import org.subledger.kernel.catalog.PeriodUnit;
import org.subledger.kernel.catalog.TimeSpan;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.input.FreeText;
import org.subledger.kernel.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * Bodies of the discount endpoints. The value is one of {@code amount} ({@code {"amount": 15.00, "currency":
 * "EUR"}}, no more decimals than the currency has), {@code percentage} or {@code freePeriod}, or none for a definition
 * of one value. {@code actionDate} is the date the discount is added, decided on or removed from (default: today).
 */
public final class DiscountRequests {

    private DiscountRequests() {
    }

    public record AddDiscountRequest(@NotBlank @Size(max = 64) String definitionCode,
                              Money amount,
                              @Digits(integer = 3, fraction = DiscountValuePolicy.PERCENTAGE_SCALE)
                              BigDecimal percentage,
                              @Valid FreePeriodRequest freePeriod,
                              LocalDate actionDate,
                              @FreeText(max = 500) String note) {

        /** The agent's pick, or null to take the definition's single value. */
        public DiscountValue value() {
            int given = (amount != null ? 1 : 0) + (percentage != null ? 1 : 0) + (freePeriod != null ? 1 : 0);
            if (given > 1) {
                throw new LedgerRefusal(ErrorCode.VALIDATION_FAILED, "The discount is not valid: give one of "
                        + "amount, percentage or freePeriod", Map.of("amount", "give one of amount, percentage or "
                        + "freePeriod"));
            }
            if (amount != null) {
                return DiscountValue.amount(amount);
            }
            if (percentage != null) {
                // the level is the definition's: the aggregate settles it
                return new DiscountValue(DiscountKind.PERCENTAGE, null, null, percentage, null, null, null, null);
            }
            return freePeriod == null ? null : new DiscountValue(DiscountKind.FREE_PERIOD, null, null, null, null,
                    null, new TimeSpan(freePeriod.count(), freePeriod.unit()), null);
        }
    }

    public record FreePeriodRequest(@Min(1) @Max(1000) int count, @NotNull PeriodUnit unit) {
    }

    /** Approving, rejecting or removing: its date and, for a rejection or removal, why. */
    public record DiscountDecisionRequest(LocalDate actionDate, @FreeText(max = 500) String reason) {

        public static final DiscountDecisionRequest NONE = new DiscountDecisionRequest(null, null);
    }
}
