package org.subledger.command.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.subledger.kernel.account.OpenItem;
import org.subledger.kernel.account.Receivables;
import org.subledger.platform.axon.StorageJson;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.command.account.AccountTest.EUR;
import static org.subledger.command.account.AccountTest.eur;

/**
 * An Account snapshot holds its {@link Receivables} as it did while they were a record of a list: {@code items} in
 * settlement order and {@code unallocated}, nothing of the persistent maps behind them. So snapshots stored before
 * the change load, and the snapshot revision stays.
 */
class ReceivablesStoredFormTest {

    static final ObjectMapper STORAGE = StorageJson.objectMapper();
    static final LocalDate MAY_1 = LocalDate.of(2026, 5, 1);

    @Test
    void theStoredFormIsTheItemsInSettlementOrderAndTheUnallocatedMoney() throws Exception {
        Receivables receivables = Receivables.none(EUR)
                .debit("bill-2", MAY_1.plusDays(14), eur("20.00")).after()
                .debit("charge-1", MAY_1, eur("5.00")).after()
                .credit(eur("2.00"), null).after();

        JsonNode stored = STORAGE.valueToTree(receivables);

        assertThat(stored.fieldNames()).toIterable().containsExactly("items", "unallocated");
        assertThat(stored.get("items").findValuesAsText("itemId")).containsExactly("charge-1", "bill-2");
        assertThat(STORAGE.treeToValue(stored, Receivables.class)).isEqualTo(receivables);
    }

    @Test
    void aSnapshotStoredByTheListFormLoads() throws Exception {
        String before = """
                {"items":[{"itemId":"charge-1","dueDate":"2026-05-01","open":{"amount":3.00,"currency":"EUR"}},
                          {"itemId":"bill-2","dueDate":"2026-05-15","open":{"amount":20.00,"currency":"EUR"}}],
                 "unallocated":{"amount":0.00,"currency":"EUR"}}""";

        Receivables loaded = STORAGE.readValue(before, Receivables.class);

        assertThat(loaded.items()).containsExactly(new OpenItem("charge-1", MAY_1, eur("3.00")),
                new OpenItem("bill-2", MAY_1.plusDays(14), eur("20.00")));
        assertThat(loaded.item("bill-2")).map(OpenItem::open).contains(eur("20.00"));
        assertThat(loaded.credit(eur("4.00"), "bill-2").allocations())
                .containsExactly(new Receivables.Allocation("bill-2", eur("4.00"), eur("16.00")));
        assertThat(loaded).isEqualTo(new Receivables(List.copyOf(loaded.items()), eur("0.00")));
    }
}
