package org.subledger.app;

import org.axonframework.serialization.SerializedObject;
import org.junit.jupiter.api.Test;
import org.subledger.command.charging.EventChargeSaga;
import org.subledger.command.job.JobRepairSaga;
import org.subledger.command.job.JobSubscriptionSaga;
import org.subledger.kernel.job.JobReplacementDelivered;
import org.subledger.kernel.subscription.InstalledItem;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.job.SubscriptionRequest;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.subscription.BillingTerms;
import org.subledger.kernel.subscription.Distributor;
import org.subledger.kernel.subscription.SubscriptionService;
import org.subledger.command.provisioning.ProvisioningSaga;
import org.subledger.command.wallet.PrepaidWalletSaga;
import org.subledger.platform.axon.StorageJson;

import java.lang.reflect.Field;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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

    @Test
    void theProvisioningSagaKeepsItsStateThroughTheStorageSerializer() throws Exception {
        var saga = new ProvisioningSaga();
        set(saga, "subscriptionId", "sub-1");
        set(saga, "effective", true);
        set(saga, "distributors", new TreeMap<>(Map.of("STB-1", "NAGRA", "STB-2", "ACME")));
        set(saga, "services", new TreeMap<>(Map.of("GOLD", new java.util.ArrayList<>(List.of("STB-1", "STB-2")))));
        set(saga, "installedItems", new TreeMap<>(Map.of("SN-1", "DECODER")));
        set(saga, "latestRequests", new TreeMap<>(Map.of("STB-1:GOLD", "provisioning:sub-1:3:NAGRA:STB-1:GOLD")));

        var serializer = StorageJson.serializer();
        SerializedObject<byte[]> stored = serializer.serialize(saga, byte[].class);
        ProvisioningSaga back = serializer.deserialize(stored);

        for (String field : new String[]{"subscriptionId", "effective", "distributors", "services",
                "installedItems", "latestRequests"}) {
            assertThat(get(back, field)).as(field).isEqualTo(get(saga, field));
        }
        assertThat(new String(stored.getData())).doesNotContain("commandGateway").doesNotContain("providerProductIds");
    }

    @Test
    void theJobSubscriptionSagaKeepsItsStateThroughTheStorageSerializer() throws Exception {
        var saga = new JobSubscriptionSaga();
        set(saga, "jobId", "job-1");
        set(saga, "accountId", "acc-1");
        set(saga, "owningUnit", "CUSTOMER-SERVICE");
        set(saga, "request", new SubscriptionRequest("sub-1", "GOLD", new BillingTerms("RESIDENTIAL", "STANDARD",
                BillingFrequency.MONTHLY, LocalDate.of(2026, 4, 1), null, null, Money.of("50.00", "EUR"), null),
                List.of(new Distributor("STB-1", "NAGRA")), List.of(new SubscriptionService("GOLD", List.of(),
                LocalDate.of(2026, 4, 1), null, null, Set.of("STB-1")))));
        set(saga, "installedItems", new java.util.LinkedHashMap<>(Map.of("SN-1", "DECODER")));

        var serializer = StorageJson.serializer();
        SerializedObject<byte[]> stored = serializer.serialize(saga, byte[].class);
        JobSubscriptionSaga back = serializer.deserialize(stored);

        for (String field : new String[]{"jobId", "accountId", "owningUnit", "request", "installedItems"}) {
            assertThat(get(back, field)).as(field).isEqualTo(get(saga, field));
        }
        assertThat(new String(stored.getData())).doesNotContain("commandGateway");
    }

    @Test
    void theJobRepairSagaKeepsItsStateThroughTheStorageSerializer() throws Exception {
        var saga = new JobRepairSaga();
        set(saga, "jobId", "job-1");
        set(saga, "replacements", new java.util.LinkedHashMap<>(Map.of("g1", new JobReplacementDelivered("job-1",
                "g1", "sub-1", "SN-OLD", new InstalledItem("SN-NEW", "DECODER")))));

        var serializer = StorageJson.serializer();
        SerializedObject<byte[]> stored = serializer.serialize(saga, byte[].class);
        JobRepairSaga back = serializer.deserialize(stored);

        for (String field : new String[]{"jobId", "replacements"}) {
            assertThat(get(back, field)).as(field).isEqualTo(get(saga, field));
        }
        assertThat(new String(stored.getData())).doesNotContain("steps");
    }

    @Test
    void thePrepaidWalletSagaKeepsItsStateThroughTheStorageSerializer() throws Exception {
        var saga = new PrepaidWalletSaga();
        set(saga, "subscriptionId", "sub-1");
        set(saga, "walletId", "wallet-acc-1");
        set(saga, "deactivated", true);
        set(saga, "unpaidBills", new java.util.LinkedHashMap<>(Map.of("bill-1", Money.of("30.00", "EUR"))));

        var serializer = StorageJson.serializer();
        SerializedObject<byte[]> stored = serializer.serialize(saga, byte[].class);
        PrepaidWalletSaga back = serializer.deserialize(stored);

        for (String field : new String[]{"subscriptionId", "walletId", "deactivated", "unpaidBills"}) {
            assertThat(get(back, field)).as(field).isEqualTo(get(saga, field));
        }
        assertThat(new String(stored.getData())).doesNotContain("commandGateway").doesNotContain("steps");
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
