package org.subledger.projection.billing;

import org.subledger.kernel.billing.BillIssued;
import org.subledger.kernel.billing.BillLine;
import org.subledger.kernel.billing.BillLineKind;
import org.subledger.kernel.billing.BillSection;
import org.subledger.kernel.billing.DiscountLineFacts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One row of {@code bill} with its rows of {@code bill_line} and {@code bill_section}, taken from a {@link BillIssued} event. */
record BillRow(String billId,
               String billNumber,
               String accountId,
               String subscriptionId,
               String runId,
               String kind,
               LocalDate issuedOn,
               LocalDate periodFrom,
               LocalDate periodTo,
               BigDecimal total,
               BigDecimal taxTotal,
               String currency,
               LocalDate dueDate,
               Instant issuedAt,
               long version,
               List<Line> lines,
               List<Section> sections) {

    /** One row of {@code bill_section}. */
    record Section(int sectionNo,
                   String subscriptionId,
                   LocalDate periodFrom,
                   LocalDate periodTo,
                   int firstLineNo,
                   int lastLineNo,
                   BigDecimal total,
                   BigDecimal taxTotal,
                   String currency) {
    }

    record Line(int lineNo,
                String kind,
                String productCode,
                String description,
                LocalDate periodFrom,
                LocalDate periodTo,
                long quantity,
                BigDecimal amount,
                BigDecimal taxAmount,
                BigDecimal taxRatePercent,
                String currency,
                String reference,
                String explanation,
                String subscriptionId,
                Integer applicationNumber) {

        static Line of(BillLine line, String subscriptionId) {
            // a DISCOUNT line of a subscription's section is one application of its discount (the discount state
            // reads it)
            Integer applicationNumber = line.kind() == BillLineKind.DISCOUNT && subscriptionId != null
                    && line.explanation() != null
                    ? DiscountLineFacts.applicationNumber(line.explanation().discounts()) : null;
            return new Line(line.lineNo(), line.kind().name(), line.productCode(), line.description(), line.from(),
                    line.to(), line.quantity(), line.amount().amount(), line.taxAmount().amount(),
                    line.taxRatePercent(), line.amount().currency().getCurrencyCode(), line.reference(),
                    ExplanationJson.write(line.explanation()), subscriptionId, applicationNumber);
        }
    }

    /** Everything that can fail (a missing amount, an explanation JSON cannot hold) fails here, in the handler. */
    static BillRow of(BillIssued event, long sequenceNumber, Instant issuedAt) {
        return new BillRow(event.billId(), event.billNumber(), event.accountId(), event.subscriptionId(),
                event.runId(), event.kind().name(), event.issuedOn(), event.periodFrom(), event.periodTo(),
                event.total().amount(), event.taxTotal().amount(), event.total().currency().getCurrencyCode(),
                event.dueDate(), issuedAt, sequenceNumber,
                event.lines().stream().map(line -> Line.of(line, sectionOf(event, line.lineNo()))).toList(),
                sections(event));
    }

    private static String sectionOf(BillIssued event, int lineNo) {
        return event.sections().stream().filter(section -> section.holds(lineNo)).map(BillSection::subscriptionId)
                .findFirst().orElse(null);
    }

    private static List<Section> sections(BillIssued event) {
        List<Section> sections = new ArrayList<>();
        for (BillSection section : event.sections()) {
            sections.add(new Section(sections.size() + 1, section.subscriptionId(), section.periodFrom(),
                    section.periodTo(), section.firstLineNo(), section.lastLineNo(), section.total().amount(),
                    section.taxTotal().amount(), section.total().currency().getCurrencyCode()));
        }
        return sections;
    }
}
