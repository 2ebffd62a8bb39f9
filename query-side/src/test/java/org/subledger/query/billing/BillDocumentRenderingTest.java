package org.subledger.query.billing;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.subledger.kernel.account.AccountStatus;
import org.subledger.kernel.account.AccountSummary;
import org.subledger.kernel.account.CustomerType;
import org.subledger.kernel.billing.BillKind;
import org.subledger.kernel.billing.BillLine;
import org.subledger.kernel.billing.BillLineKind;
import org.subledger.kernel.billing.BillSection;
import org.subledger.kernel.billing.query.BillDetails;
import org.subledger.kernel.billing.query.BillSummary;
import org.subledger.kernel.money.Money;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped bill template renders every part of a bill, as HTML and as a PDF whose text reads back. */
class BillDocumentRenderingTest {

    private static final BillDocumentProperties.Operator OPERATOR = new BillDocumentProperties.Operator(
            "AluxSat Ltd", List.of("1 Orbit Street", "1010 Nicosia"), "CY10000000X", "billing@aluxsat.example");

    @Test
    void theShippedTemplateShowsOperatorCustomerDatesLinesTaxTotalAndBalanceBroughtForward() throws Exception {
        var templates = new BillTemplates(new BillDocumentProperties(null, OPERATOR));
        BillDocument bill = bill();

        String html = templates.html(bill);
        String text;
        try (var pdf = Loader.loadPDF(new BillPdf().render(html, templates.baseUri()))) {
            text = new PDFTextStripper().getText(pdf);
        }

        for (String part : List.of(html, text)) {
            assertThat(part).contains("AluxSat Ltd", "1 Orbit Street", "CY10000000X", "Maria Georgiou", "ACC-1",
                    "Odos Makariou 12", "1065 Nicosia", "Bill 2026-000042", "2026-02-01", "2026-01-01 to 2026-01-31", "2026-02-15", "Gold package",
                    "Loyalty discount", "-5.00", "Start-up fee", "2026-01-03", "20.00", "3.19", "16.81", "7.50",
                    "27.50");
        }
        assertThat(html).contains("&lt;script&gt;");
    }

    @Test
    void aBillPerAccountShowsAHeadingBeforeEachSubscriptionsLines() {
        var templates = new BillTemplates(new BillDocumentProperties(null, OPERATOR));
        BillDocument plain = bill();
        var sections = List.of(
                new BillSection("SUB-TV", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1), 1, 2, eur("15.00"),
                        eur("2.39")),
                new BillSection("SUB-NET", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1), 3, 3, eur("5.00"),
                        eur("0.80")));
        BillDocument perAccount = BillDocument.of(new BillDetails(summary(), lines(), sections), null, List.of(),
                OPERATOR, eur("0.00"));

        String html = templates.html(perAccount);

        assertThat(perAccount.lines()).extracting(BillDocument.Line::section).containsExactly(
                "Subscription SUB-TV (2026-01-01 to 2026-01-31), subtotal 15.00", null,
                "Subscription SUB-NET (2026-01-01 to 2026-01-31), subtotal 5.00");
        assertThat(html).contains("Subscription SUB-TV (2026-01-01 to 2026-01-31), subtotal 15.00")
                .contains("Subscription SUB-NET");
        assertThat(plain.lines()).as("one subscription: no headings").allSatisfy(line ->
                assertThat(line.section()).isNull());
    }

    @Test
    void aTemplateInTheConfiguredDirectoryReplacesTheShippedOne(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bill.html"), """
                <html xmlns:th="http://www.thymeleaf.org"><body>
                <p th:text="'Rechnung ' + ${bill.billNumber} + ' an ' + ${bill.customer.name}">x</p>
                </body></html>""");
        var templates = new BillTemplates(new BillDocumentProperties(dir, OPERATOR));

        assertThat(templates.html(bill())).contains("Rechnung 2026-000042 an Maria Georgiou")
                .doesNotContain("Balance brought forward");
        assertThat(templates.baseUri()).isEqualTo(dir.toUri().toURL().toExternalForm());
    }

    @Test
    void withoutATemplateInTheDirectoryTheShippedOneIsUsed(@TempDir Path dir) {
        assertThat(new BillDocumentProperties(dir, null).operator().name()).isEqualTo("Subscription ledger operator");
        var templates = new BillTemplates(new BillDocumentProperties(dir, null));

        assertThat(templates.html(bill())).contains("Balance brought forward");
        assertThat(templates.baseUri()).endsWith("bill-templates/");
    }

    private static BillDocument bill() {
        var account = new AccountSummary("ACC-1", CustomerType.PERSON, "Maria Georgiou", "EUR", eur("500.00"),
                eur("27.50"), AccountStatus.UNSETTLED, false, null, null, "agent", Instant.EPOCH, Instant.EPOCH, 3,
                null);
        return BillDocument.of(new BillDetails(summary(), lines()), account,
                BillAddresses.lines("Odos Makariou 12, 1065 Nicosia"), OPERATOR, eur("7.50"));
    }

    private static BillSummary summary() {
        return new BillSummary("bill-1", "2026-000042", "ACC-1", "SUB-1", "RUN-1", BillKind.RUN,
                LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1), eur("20.00"),
                eur("3.19"), LocalDate.of(2026, 2, 15), 3, Instant.parse("2026-02-01T03:00:00Z"));
    }

    private static List<BillLine> lines() {
        return List.of(
                line(1, BillLineKind.RECURRING, "GOLD", "Gold package", "2026-01-01", "2026-02-01", "20.00", "3.19"),
                line(2, BillLineKind.RECURRING, "D1", "Loyalty discount <script>", "2026-01-01", "2026-02-01",
                        "-5.00", "-0.80"),
                line(3, BillLineKind.ONE_OFF, "START-UP-FEE", "Start-up fee", "2026-01-03", "2026-01-03", "5.00",
                        "0.80"));
    }

    private static BillLine line(int no, BillLineKind kind, String product, String description, String from,
                                 String to, String amount, String tax) {
        return new BillLine(no, kind, product, description, LocalDate.parse(from), LocalDate.parse(to), 1,
                eur(amount), eur(tax), new BigDecimal("19.00"), null, null);
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
