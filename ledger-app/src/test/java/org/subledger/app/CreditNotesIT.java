package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.app.AccountsIT.assertProblem;

/**
 * Issue 14, "every charge is a document": a credit is a numbered credit note that names the bill it corrects, never a
 * negative bill; it credits the account, settles that bill's open item, and never credits more than the bill has left
 * uncredited. The bill credited here is a subscription's start-up fee bill (5.00, 0.80 of it VAT at 19 %).
 */
class CreditNotesIT extends LedgerIT {

    private String accountId;
    private String billId;

    @BeforeEach
    void aStartUpFeeBill() {
        loadSampleCatalog();
        accountId = api.openAccount("Credit", "Noted", "500.00");
        var created = api.post("agent", "/api/subscriptions", """
                {"accountId":"%s","subscriptionTypeCode":"GOLD",
                 "billingTerms":{"scheme":"RESIDENTIAL","billingFrequency":"MONTHLY"},
                 "initialState":"EFFECTIVE","actionDate":"2026-02-01",
                 "distributors":[{"distributorId":"STB-1","providerCode":"NAGRA"}],
                 "services":[{"productCode":"GOLD","distributorIds":["STB-1"]}]}""".formatted(accountId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode bills = Await.until("the start-up fee's bill", () -> api.get("reporter", "/api/accounts/" + accountId
                + "/bills").json().path("content"), content -> content.size() == 1);
        billId = bills.get(0).get("billId").asText();
        awaitAccount("balance 5.00", account -> amount(account, "balance").compareTo(new BigDecimal("5.00")) == 0);
    }

    @Test
    void aCreditNoteForPartOfABillIsNumberedNamesTheBillCreditsTheAccountAndSettlesTheBill() {
        var issued = creditNote("supervisor", "{\"amount\": 2.00, \"reason\": \"Fee reduced as a goodwill gesture\"}");
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        JsonNode note = issued.json();
        String creditNoteId = note.get("creditNoteId").asText();
        assertThat(issued.header("Location")).endsWith("/api/credit-notes/" + creditNoteId);
        assertThat(note.get("creditNoteNumber").asText()).matches("CN-\\d{4}-\\d{6}");
        assertThat(note.get("billId").asText()).isEqualTo(billId);
        assertThat(Amounts.of(note.get("amount"))).isEqualByComparingTo("2.00");
        assertThat(Amounts.of(note.get("taxAmount"))).isEqualByComparingTo("0.32"); // 2.00 of 5.00 with 0.80 VAT

        JsonNode read = Await.until("the credit note readable", () -> api.get("reporter", "/api/credit-notes/"
                + creditNoteId), r -> r.status() == 200).json();
        assertThat(read.get("creditNoteNumber").asText()).isEqualTo(note.get("creditNoteNumber").asText());
        assertThat(read.get("billId").asText()).isEqualTo(billId);
        assertThat(read.get("billNumber").asText()).matches("\\d{4}-\\d{6}");
        assertThat(read.get("reason").asText()).isEqualTo("Fee reduced as a goodwill gesture");
        assertThat(Amounts.of(read.get("amount"))).isEqualByComparingTo("2.00");
        JsonNode bill = api.get("reporter", "/api/bills/" + billId).json();
        assertThat(bill.get("creditNotes")).hasSize(1);
        assertThat(bill.get("creditNotes").get(0).get("creditNoteId").asText()).isEqualTo(creditNoteId);
        assertThat(Amounts.of(bill.get("total"))).as("the bill itself is unchanged").isEqualByComparingTo("5.00");

        awaitAccount("balance 3.00", account -> amount(account, "balance").compareTo(new BigDecimal("3.00")) == 0);
        Await.until("the bill's open item down to 3.00", () -> jdbc.queryForObject(
                "select open_amount from receivable_open_item where account_id = ? and item_id = ?",
                BigDecimal.class, accountId, billId), open -> open != null && open.compareTo(new BigDecimal("3.00")) == 0);
        JsonNode statement = Await.until("the credit note on the statement", () -> api.get("reporter",
                "/api/accounts/" + accountId + "/statement").json(), page -> page.get("content").size() == 2);
        assertThat(statement.toString()).contains("CREDIT_NOTE", note.get("creditNoteNumber").asText());

        // the rest of the bill may be credited, and then nothing more: the parts' tax adds up to the bill's
        var rest = creditNote("billing", "{\"amount\": 3.00, \"reason\": \"Fee waived\"}");
        assertThat(rest.status()).as(rest.toString()).isEqualTo(201);
        assertThat(Amounts.of(rest.json().get("taxAmount"))).isEqualByComparingTo("0.48");
        assertThat(rest.json().get("creditNoteNumber").asText()).isNotEqualTo(note.get("creditNoteNumber").asText());
        assertProblem(creditNote("billing", "{\"amount\": 0.01, \"reason\": \"once more\"}"), 422,
                "CREDIT_NOTE_EXCEEDS_BILL", "amount");
    }

    @Test
    void overCreditingIsRefusedAndRecordsNothing() {
        long accountEvents = eventCount(accountId);
        long billEvents = eventCount(billId);

        var over = assertProblem(creditNote("supervisor", "{\"amount\": 5.01, \"reason\": \"too much\"}"), 422,
                "CREDIT_NOTE_EXCEEDS_BILL", "amount");
        var negative = assertProblem(creditNote("supervisor", "{\"amount\": -1.00, \"reason\": \"negative\"}"), 400,
                "VALIDATION_FAILED", "amount");
        var noReason = assertProblem(creditNote("supervisor", "{\"amount\": 1.00}"), 400, "VALIDATION_FAILED",
                "reason");
        var longReason = assertProblem(creditNote("supervisor", "{\"amount\": 1.00, \"reason\": \"%s\"}"
                .formatted("x".repeat(501))), 400, "VALIDATION_FAILED", "reason");
        var dollars = assertProblem(creditNote("supervisor",
                "{\"amount\": 1.00, \"currency\": \"USD\", \"reason\": \"wrong money\"}"), 400, "CURRENCY_MISMATCH",
                "currency");
        var unknown = assertProblem(api.post("supervisor", "/api/bills/no-such-bill/credit-notes",
                "{\"amount\": 1.00, \"reason\": \"what bill?\"}"), 404, "BILL_NOT_FOUND", null);
        var agent = api.post("agent", "/api/bills/" + billId + "/credit-notes", "{\"amount\": 1.00, \"reason\": \"x\"}");
        assertThat(agent.status()).isEqualTo(403);

        assertThat(recordedBy(over, negative, noReason, longReason, dollars, unknown, agent)).isZero();
        assertThat(eventCount(accountId)).isEqualTo(accountEvents);
        assertThat(eventCount(billId)).isEqualTo(billEvents);
        assertThat(jdbc.queryForObject("select count(*) from credit_note where bill_id = ?", Long.class, billId))
                .isZero();
        assertProblem(api.get("reporter", "/api/credit-notes/no-such-note"), 404, "CREDIT_NOTE_NOT_FOUND", null);
    }

    @Test
    void aCreditNoteRepeatedWithTheSameIdempotencyKeyIsIssuedOnce() {
        Map<String, String> key = Map.of("Idempotency-Key", "credit-" + billId);
        String body = "{\"amount\": 1.00, \"reason\": \"late installer\"}";
        var first = api.post("supervisor", "/api/bills/" + billId + "/credit-notes", body, key);
        var again = api.post("supervisor", "/api/bills/" + billId + "/credit-notes", body, key);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("creditNoteNumber").asText())
                .isEqualTo(first.json().get("creditNoteNumber").asText());
        awaitAccount("balance 4.00", account -> amount(account, "balance").compareTo(new BigDecimal("4.00")) == 0);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?"
                + " and payload_type like '%CreditNoteIssued'", Long.class, billId)).isEqualTo(1);
    }

    private Api.Response creditNote(String user, String json) {
        return api.post(user, "/api/bills/" + billId + "/credit-notes", json);
    }

    private JsonNode awaitAccount(String what, java.util.function.Predicate<JsonNode> condition) {
        return Await.until(what, () -> api.get("reporter", "/api/accounts/" + accountId).json(), condition);
    }

    private static BigDecimal amount(JsonNode node, String field) {
        return Amounts.of(node.get(field));
    }
}
