package org.subledger.command.account;

import org.subledger.kernel.account.CustomerType;
import org.subledger.kernel.account.OpenAccount;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.money.Money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The input rules of accounts, checked by the aggregate itself so that no path into it (HTTP, saga, batch) can
 * record an invalid account or posting. Each refusal names the offending field.
 */
final class AccountRules {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_\\-]{0,31}");

    private AccountRules() {
    }

    static void validate(OpenAccount command) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (command.type() == null) {
            fields.put("type", "must be PERSON or COMPANY");
        } else if (command.type() == CustomerType.PERSON) {
            if (command.person() == null || isBlank(command.person().firstName())) {
                fields.put("firstName", "must not be blank for a person");
            }
            if (command.person() == null || isBlank(command.person().lastName())) {
                fields.put("lastName", "must not be blank for a person");
            }
        } else if (command.company() == null || isBlank(command.company().name())) {
            fields.put("companyName", "must not be blank for a company");
        }
        if (command.currency() == null) {
            fields.put("currency", "must be an ISO 4217 currency code");
        }
        if (command.creditLimit() == null || command.creditLimit().signum() < 0) {
            fields.put("creditLimit", "must be zero or more");
        } else if (command.currency() != null) {
            Money.inputProblem(command.creditLimit(), command.currency(), Money.Sign.ZERO_OR_MORE)
                    .ifPresent(problem -> fields.put("creditLimit", problem));
        }
        if (command.classification() != null && !command.classification().isBlank()
                && !CODE.matcher(command.classification()).matches()) {
            fields.put("classification", "must be an upper-case code such as VIP");
        }
        if (!fields.isEmpty()) {
            throw new LedgerRefusal(ErrorCode.VALIDATION_FAILED, "The account cannot be opened as given", fields);
        }
    }

    /**
     * A positive (or, for limits, non-negative) amount in the account's currency, at most as precise as that
     * currency allows: nothing is rounded away silently.
     */
    static Money amount(BigDecimal value, Currency given, Currency accountCurrency, String field, boolean zeroAllowed) {
        if (value == null) {
            throw invalid(field, "is required");
        }
        if (given != null && !given.equals(accountCurrency)) {
            throw new LedgerRefusal(ErrorCode.CURRENCY_MISMATCH, "The account is kept in "
                    + accountCurrency.getCurrencyCode() + ", not " + given.getCurrencyCode(),
                    Map.of("currency", "must be " + accountCurrency.getCurrencyCode()));
        }
        var problem = Money.inputProblem(value, accountCurrency,
                zeroAllowed ? Money.Sign.ZERO_OR_MORE : Money.Sign.POSITIVE);
        if (problem.isPresent()) {
            throw invalid(field, problem.get());
        }
        return Money.of(value, accountCurrency);
    }

    static String code(String value, String field) {
        if (value == null || !CODE.matcher(value).matches()) {
            throw invalid(field, "must be an upper-case code");
        }
        return value;
    }

    static void requireText(String value, String field) {
        if (isBlank(value)) {
            throw invalid(field, "must not be blank");
        }
    }

    static String classificationOrDefault(String classification, CustomerType type) {
        if (!isBlank(classification)) {
            return classification;
        }
        return type == CustomerType.COMPANY ? "CORPORATE" : "RESIDENTIAL";
    }

    static String blankToNull(String value) {
        return isBlank(value) ? null : value;
    }

    static LedgerRefusal invalid(String field, String problem) {
        return new LedgerRefusal(ErrorCode.VALIDATION_FAILED, field + " " + problem, Map.of(field, problem));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
