package org.subledger.platform.web.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import org.subledger.kernel.money.Money;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.regex.Pattern;

/**
 * A {@link Money} given in a request body ({@code {"amount": "12.50", "currency": "EUR"}}, the amount a decimal string or a number: a rate, a penalty, a
 * threshold): an ISO currency, zero or more, at most {@link Money#MAX_AMOUNT} and at most the currency's decimals.
 * Nothing is rounded away silently, unlike {@link Money#of}, which the stored events keep using.
 */
final class RequestMoneyDeserializer extends StdDeserializer<Money> {

    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    /** As long as the longest number the strict reader accepts. */
    private static final int MAX_DECIMAL_STRING = 100;

    RequestMoneyDeserializer() {
        super(Money.class);
    }

    @Override
    public Money deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.isExpectedStartObjectToken()) {
            return (Money) context.handleUnexpectedToken(Money.class, parser);
        }
        BigDecimal amount = null;
        String currencyCode = null;
        for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
            JsonToken token = parser.nextToken();
            switch (field) {
                case "amount" -> amount = amount(parser, token);
                case "currency" -> {
                    if (token != JsonToken.VALUE_STRING) {
                        throw refused(parser, "currency", "must be an ISO 4217 currency code");
                    }
                    currencyCode = parser.getText();
                }
                default -> throw refused(parser, field, "is not a property of an amount");
            }
        }
        if (amount == null) {
            throw refused(parser, "amount", "is required");
        }
        Currency currency = currency(parser, currencyCode);
        var problem = Money.inputProblem(amount, currency, Money.Sign.ZERO_OR_MORE);
        if (problem.isPresent()) {
            throw refused(parser, "amount", problem.get());
        }
        return Money.of(amount, currency);
    }

    /** A JSON number, or a decimal string as every answer writes it ({@code "240.00"}), so an answer's amount can be sent back. */
    private static BigDecimal amount(JsonParser parser, JsonToken token) throws IOException {
        if (token.isNumeric()) {
            return parser.getDecimalValue();
        }
        if (token == JsonToken.VALUE_STRING) {
            String text = parser.getText();
            if (text.length() <= MAX_DECIMAL_STRING && DECIMAL.matcher(text).matches()) {
                return new BigDecimal(text);
            }
        }
        throw refused(parser, "amount", "must be a decimal number");
    }

    private static Currency currency(JsonParser parser, String code) throws InputRefusedException {
        if (code == null) {
            throw refused(parser, "currency", "is required");
        }
        try {
            Currency currency = Currency.getInstance(code);
            if (currency.getCurrencyCode().equals(code)) {
                return currency;
            }
        } catch (IllegalArgumentException unknown) {
            // refused below
        }
        throw refused(parser, "currency", "must be an ISO 4217 currency code");
    }

    private static InputRefusedException refused(JsonParser parser, String field, String reason) {
        var exception = new InputRefusedException(parser, reason);
        exception.prependPath(Money.class, field);
        return exception;
    }
}
