package org.subledger.platform.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.subledger.kernel.money.Money;

import java.io.IOException;

/**
 * The one shape of an amount in every answer: {@code {"amount": "240.00", "currency": "EUR"}}, the amount a decimal
 * string at the currency's scale, as Stripe and Kill Bill write theirs: a JSON number would reach many clients as a
 * binary double (4.5 for 4.50, 0.30000000000000004 for a sum) and lose the scale that says which currency's cents
 * these are. The stored events keep their own format (the serializer has its own mapper).
 */
final class AmountJson extends StdSerializer<Money> {

    private AmountJson() {
        super(Money.class);
    }

    static SimpleModule module() {
        return new SimpleModule("ledger-amounts").addSerializer(Money.class, new AmountJson());
    }

    @Override
    public void serialize(Money money, JsonGenerator json, SerializerProvider provider) throws IOException {
        json.writeStartObject();
        json.writeStringField("amount", money.amount().toPlainString());
        json.writeStringField("currency", money.currency().getCurrencyCode());
        json.writeEndObject();
    }
}
