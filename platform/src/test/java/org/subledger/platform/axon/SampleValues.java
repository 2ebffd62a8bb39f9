package org.subledger.platform.axon;

import org.subledger.kernel.money.Money;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds an instance of any record of the contract with a non-null, non-default value in every component, so a
 * round trip that forgets a field shows up as an inequality.
 */
final class SampleValues {

    private SampleValues() {
    }

    static Object sample(Type type, String name) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] args = parameterized.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw)) {
                return List.of(sample(args[0], name + "0"));
            }
            if (Set.class.isAssignableFrom(raw)) {
                return Set.of(sample(args[0], name + "0"));
            }
            if (java.util.SortedMap.class.isAssignableFrom(raw)) {
                return new java.util.TreeMap<>(Map.of(sample(args[0], name + "Key"), sample(args[1], name + "Value")));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return Map.of(sample(args[0], name + "Key"), sample(args[1], name + "Value"));
            }
            throw new IllegalArgumentException("no sample for " + type);
        }
        Class<?> clazz = (Class<?>) type;
        if (clazz == String.class) {
            return name + "-sample";
        }
        if (clazz == Money.class) {
            return Money.of("12.34", "EUR");
        }
        if (clazz == BigDecimal.class) {
            return new BigDecimal("7.50");
        }
        if (clazz == Currency.class) {
            return Currency.getInstance("EUR");
        }
        if (clazz == Instant.class) {
            return Instant.parse("2026-03-01T10:15:30Z");
        }
        if (clazz == LocalDate.class) {
            return LocalDate.of(2026, 3, 1);
        }
        if (clazz == java.time.LocalDateTime.class) {
            return java.time.LocalDateTime.of(2026, 3, 1, 21, 30);
        }
        if (clazz == java.time.Duration.class) {
            return java.time.Duration.ofMinutes(90);
        }
        if (clazz == LocalTime.class) {
            return LocalTime.of(6, 59);
        }
        if (clazz == long.class || clazz == Long.class) {
            return 42L;
        }
        if (clazz == int.class || clazz == Integer.class) {
            return 7;
        }
        if (clazz == boolean.class || clazz == Boolean.class) {
            return true;
        }
        if (clazz.isEnum()) {
            Object[] constants = clazz.getEnumConstants();
            return constants[constants.length - 1];
        }
        if (clazz.isRecord()) {
            return instance(clazz);
        }
        throw new IllegalArgumentException("no sample for " + clazz + " (" + name + "): extend SampleValues");
    }

    static Object instance(Class<?> recordType) {
        RecordComponent[] components = recordType.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = sample(components[i].getGenericType(), components[i].getName());
            types[i] = components[i].getType();
        }
        try {
            var constructor = recordType.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a sample " + recordType.getName(), e);
        }
    }
}
