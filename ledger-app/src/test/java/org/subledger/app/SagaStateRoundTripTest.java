package org.subledger.app;

import org.axonframework.serialization.SerializedObject;
import org.junit.jupiter.api.Test;
import org.subledger.command.charging.EventChargeSaga;
import org.subledger.platform.axon.StorageJson;

import java.lang.reflect.Field;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saga state is stored by the platform's own serializer (JSON, field visibility): every saga type must survive the
 * round trip with its state, or a restart would silently forget it.
 */
class SagaStateRoundTripTest {

    @Test
    void theEventChargeSagaKeepsItsStateThroughTheStorageSerializer() throws Exception {
        var saga = new EventChargeSaga();
        set(saga, "subscriptionId", "sub-1");
        set(saga, "accountId", "acc-1");
        set(saga, "pricePlanCode", "STANDARD");
        set(saga, "chargedOnce", new java.util.HashSet<>(Set.of("start-up-fee")));

        var serializer = StorageJson.serializer();
        SerializedObject<byte[]> stored = serializer.serialize(saga, byte[].class);
        EventChargeSaga back = serializer.deserialize(stored);

        for (String field : new String[]{"subscriptionId", "accountId", "pricePlanCode", "chargedOnce"}) {
            assertThat(get(back, field)).as(field).isEqualTo(get(saga, field));
        }
        assertThat(new String(stored.getData())).doesNotContain("commandGateway");
    }

    private static void set(Object target, String name, Object value) throws Exception {
        Field field = target.getClass().getDeclaredField(name);
        field.setAccessible(true);
        field.set(target, value);
    }

    private static Object get(Object target, String name) throws Exception {
        Field field = target.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(target);
    }
}
