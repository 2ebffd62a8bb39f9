package org.subledger.platform.web.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import org.subledger.kernel.input.FreeText;
import org.subledger.kernel.input.InputBounds;
import org.subledger.kernel.input.Name;

import java.io.IOException;

/**
 * Every text of a request body, bounded as its field says ({@link Name}, {@link FreeText}, else a code of at most
 * {@link InputBounds#CODE_MAX_LENGTH} characters); also applies to the elements of a list and the values of a map.
 */
final class BoundedStringDeserializer extends StdScalarDeserializer<String> implements ContextualDeserializer {

    static final BoundedStringDeserializer CODE = new BoundedStringDeserializer(InputBounds.CODE_MAX_LENGTH, false);

    private final int maxLength;
    private final boolean freeText;

    private BoundedStringDeserializer(int maxLength, boolean freeText) {
        super(String.class);
        this.maxLength = maxLength;
        this.freeText = freeText;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
        if (property == null) {
            return this;
        }
        Name name = property.getAnnotation(Name.class);
        if (name != null) {
            return new BoundedStringDeserializer(name.max(), false);
        }
        FreeText text = property.getAnnotation(FreeText.class);
        if (text != null) {
            return new BoundedStringDeserializer(text.max(), true);
        }
        return CODE;
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            // a number or an object where text is expected is a client's mistake, not text to coerce
            throw new InputRefusedException(parser, "must be a string");
        }
        return checked(parser, parser.getText(), maxLength, freeText);
    }

    static String checked(JsonParser parser, String value, int maxLength, boolean freeText)
            throws InputRefusedException {
        var problem = InputBounds.textProblem(value, maxLength, freeText);
        if (problem.isPresent()) {
            throw new InputRefusedException(parser, problem.get());
        }
        return value;
    }

    /** Keys of a map (provider product ids by provider): codes. */
    static final class Keys extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            return checked(context.getParser(), key, InputBounds.CODE_MAX_LENGTH, false);
        }
    }
}
