package org.subledger.command.account;

import org.subledger.kernel.input.FreeText;
import org.subledger.kernel.input.Name;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.subledger.kernel.account.AdjustmentDirection;
import org.subledger.kernel.account.CustomerType;

import java.math.BigDecimal;

/** Bodies of the account command endpoints. Amounts are plain numbers in the account's currency. */
final class AccountRequests {

    private AccountRequests() {
    }

    record OpenAccountRequest(@NotNull CustomerType type,
                              @Name(max = 100) String firstName,
                              @Name(max = 100) String lastName,
                              @Size(max = 50) String identityNumber,
                              @Name(max = 200) String companyName,
                              @Size(max = 50) String registrationNumber,
                              @Size(max = 50) String vatNumber,
                              @Name(max = 200) String email,
                              @Size(max = 50) String phone,
                              @FreeText(max = 500) String address,
                              @NotNull String currency,
                              @NotNull BigDecimal creditLimit,
                              @Size(max = 32) String creditRating,
                              @Size(max = 32) String classification,
                              @Size(max = 32) String owningUnit) {
    }

    record PostingRequest(@NotNull BigDecimal amount,
                          String currency,
                          @FreeText(max = 500) String description,
                          @Name(max = 200) String reference) {
    }

    /** {@code billId} (optional): the bill the customer pays, settled first; else the oldest open items are. */
    record PaymentRequest(@NotNull BigDecimal amount,
                          String currency,
                          @FreeText(max = 500) String description,
                          @Name(max = 200) String reference,
                          @Size(max = 64) String billId) {
    }

    record AdjustmentRequest(@NotNull BigDecimal amount,
                             String currency,
                             @NotNull AdjustmentDirection direction,
                             @NotNull @Size(min = 1) @FreeText(max = 500) String reason) {
    }

    record CreditLimitRequest(@NotNull BigDecimal creditLimit, String currency, @FreeText(max = 500) String reason) {
    }

    record CreditRatingRequest(@NotNull @Size(max = 32) String creditRating) {
    }

    record ClassificationRequest(@NotNull @Size(max = 32) String classification) {
    }

    record CloseRequest(@FreeText(max = 500) String reason) {
    }
}
