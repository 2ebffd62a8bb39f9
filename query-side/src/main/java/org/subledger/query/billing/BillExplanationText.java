package org.subledger.query.billing;

import org.subledger.kernel.money.Money;
import org.subledger.kernel.rating.RatingLine;
import org.subledger.query.billing.BillExplanationView.DiscountUsed;
import org.subledger.query.billing.BillExplanationView.Line;

import java.util.stream.Collectors;

/** A bill's explanation as plain text an auditor can read or file: one block per line, facts then their events. */
final class BillExplanationText {

    private BillExplanationText() {
    }

    static String render(BillExplanationView bill) {
        var text = new StringBuilder();
        text.append("Bill ").append(bill.billNumber()).append(" (").append(bill.billId()).append("), ")
                .append(bill.kind()).append(", account ").append(bill.accountId());
        if (bill.subscriptionId() != null) {
            text.append(", subscription ").append(bill.subscriptionId());
        }
        text.append('\n').append("Period ").append(bill.periodFrom()).append(" to ").append(bill.periodTo())
                .append(", total ").append(money(bill.total())).append(", issued at ").append(bill.issuedAt())
                .append(" (event ").append(bill.billIssuedEventId()).append(")\n");
        if (bill.pricePlan() != null) {
            var plan = bill.pricePlan();
            text.append("Price plan ").append(plan.code()).append(plan.name() == null ? "" : " " + plan.name())
                    .append(plan.basePlanCode() == null ? "" : ", base plan " + plan.basePlanCode())
                    .append(" (definition event ").append(plan.definitionEventId()).append(", billing terms event ")
                    .append(plan.billingTermsEventId()).append(")\n");
        }
        bill.lines().forEach(line -> line(text, line));
        return text.toString();
    }

    private static void line(StringBuilder text, Line line) {
        text.append('\n').append("Line ").append(line.lineNo()).append(": ").append(line.kind()).append(' ')
                .append(line.productCode()).append(line.description() == null ? "" : " \"" + line.description() + "\"")
                .append(", ").append(line.from()).append(" to ").append(line.to()).append(", quantity ")
                .append(line.quantity()).append(", amount ").append(money(line.amount())).append('\n');
        var rate = line.rate();
        if (rate != null) {
            text.append("  rate: ");
            if (rate.pricePlanCode() != null) {
                text.append("plan ").append(rate.pricePlanCode()).append(" version ").append(rate.version())
                        .append(" effective from ").append(rate.effectiveFrom()).append(", ");
            }
            text.append("model ").append(rate.model()).append(", basis ").append(rate.basis()).append(", units ")
                    .append(rate.units()).append(", period amount ").append(money(rate.periodAmount())).append('\n');
            for (RatingLine level : rate.levelsHit()) {
                text.append("    level ").append(level.level()).append(": ").append(level.units()).append(" x ")
                        .append(money(level.unitAmount())).append(" = ").append(money(level.amount())).append('\n');
            }
        }
        var quantity = line.quantitySource();
        if (quantity != null) {
            text.append("  quantity ").append(quantity.quantity()).append(" from distributors ")
                    .append(quantity.distributors().stream().map(d -> d.distributorId() + " (" + d.providerCode()
                            + ", event " + d.eventId() + ")").collect(Collectors.joining(", ")))
                    .append("; service event ").append(quantity.serviceEventId()).append('\n');
        }
        if (line.maturityPeriod() != null) {
            text.append("  maturity period ").append(line.maturityPeriod()).append('\n');
        }
        if (line.proration() != null) {
            text.append("  prorated: ").append(line.proration().daysUsed()).append(" days used of ")
                    .append(line.proration().daysInPeriod()).append(" in the period\n");
        }
        for (DiscountUsed discount : line.discounts()) {
            text.append("  discount ").append(discount.definitionCode()).append(" (").append(discount.discountId())
                    .append("): ").append(money(discount.amount())).append(" off, application ")
                    .append(discount.applicationNumber()).append(", lines ").append(discount.lines())
                    .append(", criteria ").append(discount.criteria()).append('\n');
            if (discount.definition() != null) {
                text.append("    definition ").append(discount.definition().name()).append(": ")
                        .append(discount.definition().discount()).append('\n');
            }
        }
        for (var usage : line.usageRecords()) {
            text.append("  usage record ").append(usage.recordId()).append(" ").append(usage.productCode())
                    .append(" used at ").append(usage.usedAt()).append(", ").append(money(usage.amount()))
                    .append(" (event ").append(usage.eventId()).append(")\n");
        }
        if (line.oneOffCharge() != null) {
            text.append("  one-off charge ").append(line.oneOffCharge().chargeId()).append(" on ")
                    .append(line.oneOffCharge().chargedOn()).append('\n');
        }
        text.append("  events: ").append(String.join(", ", line.sourceEventIds())).append('\n');
    }

    private static String money(Money money) {
        return money == null ? "-" : money.amount().toPlainString() + " " + money.currency().getCurrencyCode();
    }
}
