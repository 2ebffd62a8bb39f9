package org.subledger.command.billing;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.subledger.kernel.account.ReceivableAllocated;
import org.subledger.kernel.account.Receivables;
import org.subledger.kernel.billing.CreditNoteIssued;
import org.subledger.kernel.billing.IssueCreditNote;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Issues a credit note for a bill ({@link BillCredits} decides) in one transaction of its own ({@link OwnTransaction}:
 * its number and its events on one connection, so the number is used if and only if the credit note is written): a
 * {@code CreditNoteIssued} on the bill's stream (after what was read of it: two credit notes racing for the same bill
 * cannot both pass the "not more than uncredited" rule, the loser is retried from a fresh read), a
 * {@code CreditNotePosted} on the account's stream and a {@code ReceivableAllocated} per open item its money settles,
 * the corrected bill's first. A credit note id issued before is answered with that credit note; nothing is appended.
 */
@Component
class CreditNoteAppender {

    private static final int ATTEMPTS = 6;

    private final EventStreams streams;
    private final EventStorageEngine storageEngine;
    private final OwnTransaction ownTransaction;
    private final CreditNoteNumbers numbers;
    private final Cache accountCache;
    private final Clock clock;

    CreditNoteAppender(EventStreams streams, @Lazy EventStorageEngine storageEngine,
                       OwnTransaction ownTransaction, CreditNoteNumbers numbers,
                       @Qualifier("accountCache") Cache accountCache, Clock clock) {
        this.streams = streams;
        this.storageEngine = storageEngine;
        this.ownTransaction = ownTransaction;
        this.numbers = numbers;
        this.accountCache = accountCache;
        this.clock = clock;
    }

    @CommandHandler
    CreditNoteIssued handle(IssueCreditNote command) {
        MetaData metaData = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().getCorrelationData()
                : MetaData.emptyInstance();
        for (int attempt = 1; ; attempt++) {
            try {
                CreditNoteIssued issued = ownTransaction.execute(() -> issueOnce(command, metaData));
                accountCache.remove(issued.accountId());
                return issued;
            } catch (RuntimeException failure) {
                if (attempt == ATTEMPTS || !BillWriter.lostARace(failure)) {
                    throw failure;
                }
            }
        }
    }

    private CreditNoteIssued issueOnce(IssueCreditNote command, MetaData metaData) {
        List<DomainEventMessage<?>> billStream = streams.read(List.of(command.billId())).get(command.billId());
        if (billStream == null || billStream.isEmpty()) {
            throw new LedgerRefusal(ErrorCode.BILL_NOT_FOUND, "No bill " + command.billId());
        }
        BillCredits credits = BillCredits.of(billStream.stream().map(DomainEventMessage::getPayload).toList());
        CreditNoteIssued before = credits.issued(command.creditNoteId());
        if (before != null) {
            return before;
        }
        if (!credits.exists()) {
            throw new LedgerRefusal(ErrorCode.BILL_NOT_FOUND, "No bill " + command.billId());
        }
        String accountId = credits.bill().accountId();
        BillingAccount account = AccountFold.of(streams.read(List.of(accountId)).get(accountId));
        if (account == null) {
            throw new LedgerRefusal(ErrorCode.ACCOUNT_NOT_FOUND, "No account " + accountId);
        }
        if (account.closed()) {
            throw new LedgerRefusal(ErrorCode.ACCOUNT_CLOSED, "Account " + accountId + " is closed");
        }
        LocalDate today = LocalDate.now(clock);
        // decided once without a number: a refused credit note must not take (and lock) a number of the series
        credits.decide(command, null, today);
        CreditNoteIssued issued = credits.decide(command, numbers.take(today.getYear()), today);
        long billSequence = billStream.get(billStream.size() - 1).getSequenceNumber() + 1;
        List<EventMessage<?>> events = new ArrayList<>();
        events.add(event(BillWriter.BILL, issued.billId(), billSequence, issued, metaData));
        long sequence = account.lastSequenceNumber() + 1;
        events.add(event(BillWriter.ACCOUNT, accountId, sequence, BillCredits.posting(issued, account), metaData));
        for (Receivables.Allocation allocation : BillCredits.allocations(issued, account)) {
            events.add(event(BillWriter.ACCOUNT, accountId, ++sequence, new ReceivableAllocated(accountId,
                    BillCredits.postingId(issued.creditNoteId()), allocation.itemId(), allocation.amount(),
                    allocation.openAfter()), metaData));
        }
        storageEngine.appendEvents(events);
        return issued;
    }

    private static EventMessage<?> event(String type, String aggregateId, long sequence, Object payload,
                                         MetaData metaData) {
        return new GenericDomainEventMessage<>(type, aggregateId, sequence, payload, metaData);
    }
}
