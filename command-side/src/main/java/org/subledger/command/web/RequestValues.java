package org.subledger.command.web;

import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;

import java.util.Currency;
import java.util.Map;

/** Parsing of request values that bean validation cannot express, with field-named refusals. */
public final class RequestValues {

    private RequestValues() {
    }

    /** An ISO 4217 code such as EUR; {@code null} when absent and not required. */
    public static Currency currency(String code, String field, boolean required) {
        if (code == null || code.isBlank()) {
            if (required) {
                throw invalid(field, "is required (ISO 4217, e.g. EUR)");
            }
            return null;
        }
        try {
            var currency = Currency.getInstance(code);
            if (!currency.getCurrencyCode().equals(code)) {
                throw invalid(field, "is not an ISO 4217 currency code");
            }
            return currency;
        } catch (IllegalArgumentException unknown) {
            throw invalid(field, "is not an ISO 4217 currency code");
        }
    }

    public static LedgerRefusal invalid(String field, String problem) {
        return new LedgerRefusal(ErrorCode.VALIDATION_FAILED, field + " " + problem, Map.of(field, problem));
    }
}
