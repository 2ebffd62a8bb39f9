package org.subledger.app;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.app.AccountsIT.assertProblem;

/**
 * Bills as documents: {@code GET /api/bills/{id}} with {@code Accept: application/pdf} answers a PDF whose text reads
 * back the operator, the customer, the number, the dates, a line, the total and the balance brought forward, and with
 * {@code text/html} the same bill as a page; the JSON bill's access rules hold for both, and an Accept the ledger
 * cannot answer is still 406.
 */
class BillDocumentsIT extends LedgerIT {

    private static final String PASSWORD = "correct horse battery";

    private final HttpClient http = HttpClient.newHttpClient();
    private String type;

    @BeforeEach
    void catalog() {
        loadSampleCatalog();
        type = "BD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var created = api.post("admin", "/api/catalog/subscription-types", """
                {"code": "%s", "name": "Bill documents test", "allowedBillingTermSchemes": ["RESIDENTIAL"],
                 "allowedProviders": ["NAGRA"], "allowedProducts": ["PLATINUM", "START-UP-FEE"]}""".formatted(type));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    @Test
    void aBillIsAPdfAndAnHtmlPageWithEverythingTheCustomerNeedsToPay() throws IOException {
        String lastName = "Papadopoulou" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        var opened = api.post("agent", "/api/accounts", """
                {"type":"PERSON","firstName":"Eleni","lastName":"%s","currency":"EUR","creditLimit":5000.00,
                 "address":"Odos Makariou 12, 1065 Nicosia"}""".formatted(lastName));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String account = opened.json().get("accountId").asText();
        assertThat(api.post("agent", "/api/accounts/" + account + "/charges",
                "{\"amount\": 12.34, \"description\": \"Repair visit\"}").status()).isEqualTo(201);
        subscribe(account);
        // the charge and the start-up fee are posted before the bill: 17.34 brought forward
        awaitBalance(account, "17.34");
        String billId = billOf(account);
        awaitBalance(account, "47.34");
        var json = api.get("reporter", "/api/bills/" + billId).json();
        String number = json.get("billNumber").asText();

        var pdf = fetch("reporter:demo", billId, "application/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow()).contains("bill-" + number + ".pdf");
        String text;
        try (var document = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(document);
        }
        var html = fetch("reporter:demo", billId, "text/html");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");

        for (String document : new String[] {text, new String(html.body(), StandardCharsets.UTF_8)}) {
            assertThat(document).contains("AluxSat Ltd", "1 Orbit Street", "Eleni " + lastName, account,
                    "Odos Makariou 12", "1065 Nicosia",
                    "Bill " + number, "2026-01-01 to 2026-01-31", json.get("issuedOn").asText(),
                    json.get("dueDate").asText(), json.get("lines").get(0).get("description").asText(), "30.00 EUR",
                    "Balance brought forward", "17.34", "47.34");
        }
    }

    @Test
    void theDocumentIsReadByWhoeverMayReadTheJsonBillAndNoOneElse() throws IOException {
        String account = api.openAccount("Own", "Bill" + UUID.randomUUID().toString().substring(0, 4), "5000.00");
        subscribe(account);
        String billId = billOf(account);
        String token = api.post("agent", "/api/accounts/" + account + "/customer-login", null).json()
                .get("activationToken").asText();
        assertThat(api.send(null, "POST", "/api/customer-login/activate",
                "{\"token\":\"%s\",\"password\":\"%s\"}".formatted(token, PASSWORD), Map.of()).status())
                .isEqualTo(200);

        var own = Await.until("the customer's own bill", () -> fetch(account + ":" + PASSWORD, billId,
                "application/pdf"), response -> response.statusCode() == 200);
        assertThat(own.headers().firstValue("Content-Type")).hasValue("application/pdf");

        // the installer's unit does not hold Customer Service's accounts: as if the bill did not exist
        assertProblem(asResponse(fetch("installer:demo", billId, "application/pdf")), 404, "BILL_NOT_FOUND", null);
        assertProblem(asResponse(fetch("installer:demo", billId, "text/html")), 404, "BILL_NOT_FOUND", null);
        assertProblem(asResponse(fetch("reporter:demo", UUID.randomUUID().toString(), "application/pdf")), 404,
                "BILL_NOT_FOUND", null);
        assertProblem(asResponse(fetch("reporter:demo", billId, "image/png")), 406, "NOT_ACCEPTABLE", null);
        assertThat(asResponse(fetch("reporter:demo", billId, "application/json")).json().get("billId").asText())
                .isEqualTo(billId);
    }

    private void subscribe(String accountId) {
        var created = api.post("agent", "/api/subscriptions", """
                {"accountId":"%s","subscriptionTypeCode":"%s",
                 "billingTerms":{"scheme":"RESIDENTIAL","billingFrequency":"MONTHLY"},
                 "initialState":"EFFECTIVE","actionDate":"2026-01-01",
                 "distributors":[{"distributorId":"STB-1","providerCode":"NAGRA"}],
                 "services":[{"productCode":"PLATINUM","distributorIds":["STB-1"]}]}""".formatted(accountId, type));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    /** Runs January's bills for this test's subscription type and answers the account's bill once projected. */
    private String billOf(String accountId) {
        var started = api.post("billing", "/api/bill-runs", """
                {"billingDate":"2026-01-01","subscriptionTypeCode":"%s"}""".formatted(type));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        return Await.until("a bill of " + accountId, () -> BillLists.withoutEventChargeBills(
                api.get("reporter", "/api/accounts/" + accountId
                        + "/bills").json()), json -> json.path("content").size() == 1)
                .get("content").get(0).get("billId").asText();
    }

    private void awaitBalance(String accountId, String expected) {
        Await.until("balance " + expected + " of " + accountId, () -> api.get("reporter", "/api/accounts/"
                + accountId), response -> response.status() == 200
                && Amounts.of(response.json().get("balance")).compareTo(new BigDecimal(expected)) == 0);
    }

    private HttpResponse<byte[]> fetch(String credentials, String billId, String accept) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/bills/" + billId))
                .timeout(Duration.ofSeconds(60)).header("Accept", accept)
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8))).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Api.Response asResponse(HttpResponse<byte[]> response) {
        return new Api.Response(response.statusCode(), response.headers().map(),
                new String(response.body(), StandardCharsets.UTF_8), null);
    }
}
