package org.subledger.platform.web.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import org.subledger.kernel.input.InputBounds;

import java.io.IOException;
import java.math.BigDecimal;

/** Numbers of request bodies within {@link InputBounds}: no 1e400, no 20-digit amounts, no integer overflow. */
final class BoundedNumberDeserializers {

    private BoundedNumberDeserializers() {
    }

    static final class Decimals extends StdScalarDeserializer<BigDecimal> {

        Decimals() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            BigDecimal value = NumberDeserializers.BigDecimalDeserializer.instance.deserialize(parser, context);
            if (value != null) {
                var problem = InputBounds.decimalProblem(value, InputBounds.MAX_DECIMALS);
                if (problem.isPresent()) {
                    throw new InputRefusedException(parser, problem.get());
                }
            }
            return value;
        }
    }

    /** Wraps Jackson's own deserializer of an integral type (its null and primitive handling stay). */
    static final class Integers<T extends Number> extends StdScalarDeserializer<T> {

        private final JsonDeserializer<T> delegate;

        Integers(Class<T> type, JsonDeserializer<T> delegate) {
            super(type);
            this.delegate = delegate;
        }

        static Integers<Integer> ints(Class<Integer> type) {
            return new Integers<>(type,
                    new NumberDeserializers.IntegerDeserializer(type, type.isPrimitive() ? 0 : null));
        }

        static Integers<Long> longs(Class<Long> type) {
            return new Integers<>(type, new NumberDeserializers.LongDeserializer(type, type.isPrimitive() ? 0L : null));
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            T value = delegate.deserialize(parser, context);
            if (value != null) {
                var problem = InputBounds.integerProblem(value.longValue());
                if (problem.isPresent()) {
                    throw new InputRefusedException(parser, problem.get());
                }
            }
            return value;
        }

        @Override
        public T getNullValue(DeserializationContext context) throws JsonMappingException {
            if (handledType().isPrimitive()) {
                throw new InputRefusedException(context.getParser(), "must be a number, not null");
            }
            return null;
        }

        @Override
        public Object getAbsentValue(DeserializationContext context) throws JsonMappingException {
            // a primitive left out takes its default, as Jackson does; only an explicit null is refused
            return handledType().isPrimitive() ? delegate.getEmptyValue(context) : null;
        }
    }
}
