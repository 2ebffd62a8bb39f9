package org.subledger.query.billing;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.subledger.kernel.access.AccessScope;
import org.subledger.kernel.billing.query.BillDetails;

import java.nio.charset.StandardCharsets;

/**
 * A bill as the customer receives it: {@code GET /api/bills/{id}} with {@code Accept: application/pdf} or
 * {@code text/html}, rendered from the bill template. The same bill as {@link BillingQueryController}'s JSON, with the
 * same access rule; any other {@code Accept} is answered by the JSON bill or refused with 406 as before.
 */
@RestController
@RequestMapping("/api")
@EnableConfigurationProperties(BillDocumentProperties.class)
class BillDocumentController {

    private final ReadableBills bills;
    private final BalanceBroughtForward balances;
    private final BillAddresses addresses;
    private final BillTemplates templates;
    private final BillPdf pdf;
    private final BillDocumentProperties properties;

    BillDocumentController(ReadableBills bills, BalanceBroughtForward balances, BillAddresses addresses,
                           BillTemplates templates, BillPdf pdf, BillDocumentProperties properties) {
        this.bills = bills;
        this.balances = balances;
        this.addresses = addresses;
        this.templates = templates;
        this.pdf = pdf;
        this.properties = properties;
    }

    /** The bill as an HTML page. */
    @GetMapping(value = "/bills/{billId}", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "A bill: its lines as JSON, or the document the customer receives (HTML, PDF)")
    public ResponseEntity<String> html(@PathVariable String billId, AccessScope scope) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(templates.html(document(billId, scope)));
    }

    /** The bill as a PDF document, named by its number. */
    @GetMapping(value = "/bills/{billId}", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "A bill: its lines as JSON, or the document the customer receives (HTML, PDF)")
    public ResponseEntity<byte[]> pdf(@PathVariable String billId, AccessScope scope) {
        BillDocument bill = document(billId, scope);
        byte[] body = pdf.render(templates.html(bill), templates.baseUri());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", ContentDisposition.inline()
                        .filename("bill-" + bill.billNumber() + ".pdf", StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    private BillDocument document(String billId, AccessScope scope) {
        BillDetails bill = bills.readable(billId, scope);
        return BillDocument.of(bill, bills.account(bill.bill().accountId()), addresses.of(bill.bill()),
                properties.operator(), balances.of(bill.bill()));
    }
}
