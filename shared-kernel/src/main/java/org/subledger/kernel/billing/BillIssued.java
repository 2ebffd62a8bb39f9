package org.subledger.kernel.billing;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;
import org.subledger.kernel.money.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * A bill was issued (the first event of a bill's stream, aggregate id {@code billId}): its number (gapless and in
 * order within {@code issuedOn}'s year, e.g. 2026-000042), the account billed, the bill run it belongs to
 * ({@code null} for a usage bill), the period it covers ({@code periodFrom} inclusive to {@code periodTo} exclusive),
 * its lines, total and tax part (VAT included in the total), the due date, and its {@code sections}, one per
 * subscription billed on it, in line order. Posted to the account in the same transaction ({@code BillPosted}).
 * {@code subscriptionId}: the subscription billed when the bill has one section; {@code null} for a bill per account
 * with several sections (each names its own) and for a bill of no subscription (a job's).
 *
 * <p>Revision 2 added {@code sections}. Every revision-1 bill billed one subscription (or none, a job's): it is read
 * with one section holding all its lines, period and total (none for a job's bill) ({@code BillSectionsUpcaster}).
 */
@Revision("2")
public record BillIssued(String billId,
                         String billNumber,
                         String accountId,
                         String subscriptionId,
                         String runId,
                         BillKind kind,
                         LocalDate issuedOn,
                         LocalDate periodFrom,
                         LocalDate periodTo,
                         List<BillLine> lines,
                         Money total,
                         Money taxTotal,
                         LocalDate dueDate,
                         List<BillSection> sections) implements DomainEvent {
    public BillIssued {
        lines = List.copyOf(lines == null ? List.of() : lines);
        sections = List.copyOf(sections == null ? List.of() : sections);
    }

    /** A bill of one subscription (one section holding every line) or of none ({@code subscriptionId} null). */
    public BillIssued(String billId, String billNumber, String accountId, String subscriptionId, String runId,
                      BillKind kind, LocalDate issuedOn, LocalDate periodFrom, LocalDate periodTo,
                      List<BillLine> lines, Money total, Money taxTotal, LocalDate dueDate) {
        this(billId, billNumber, accountId, subscriptionId, runId, kind, issuedOn, periodFrom, periodTo, lines,
                total, taxTotal, dueDate, subscriptionId == null ? List.of()
                        : List.of(new BillSection(subscriptionId, periodFrom, periodTo, 1,
                        lines == null ? 0 : lines.size(), total, taxTotal)));
    }

    /** The subscriptions billed, in section order. */
    public List<String> subscriptionIds() {
        return sections.stream().map(BillSection::subscriptionId).toList();
    }
}
