package org.subledger.query.billing;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.subledger.kernel.access.AccessScope;

import java.nio.charset.StandardCharsets;

/**
 * {@code GET /api/bills/{id}/explanation}: the facts behind each line of a bill and the events they came from, as JSON
 * or ({@code Accept: text/plain}) as readable text. The bill's access rule is the bill's own: whoever may read the
 * bill may read why it says what it says.
 */
@RestController
@RequestMapping("/api/bills")
class BillExplanationController {

    private final ReadableBills bills;
    private final BillExplainer explainer;

    BillExplanationController(ReadableBills bills, BillExplainer explainer) {
        this.bills = bills;
        this.explainer = explainer;
    }

    @GetMapping(value = "/{billId}/explanation", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A bill explained line by line: rate, quantity, proration, discounts, usage and the events behind each")
    public BillExplanationView explanation(@PathVariable String billId, AccessScope scope) {
        bills.readable(billId, scope);
        return explainer.explain(billId);
    }

    @GetMapping(value = "/{billId}/explanation", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "A bill explained line by line, as readable text")
    public ResponseEntity<String> text(@PathVariable String billId, AccessScope scope) {
        bills.readable(billId, scope);
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .body(BillExplanationText.render(explainer.explain(billId)));
    }
}
