package org.subledger.command.billing;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.subledger.kernel.billing.BillKind;
import org.subledger.kernel.billing.BillLine;
import org.subledger.kernel.billing.BillLineKind;
import org.subledger.kernel.billing.IssueEventChargeBill;
import org.subledger.kernel.catalog.ProductDefinition;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;
import org.subledger.kernel.money.Money;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Issues an event charge (start-up fee, early-termination penalty) as a numbered bill of one line with its tax part,
 * posted to the account: written as a job's bill is ({@link OneOffBill}), in a transaction of its own that takes the
 * bill number and appends the bill ({@link OwnTransaction}: a lost race on the account's stream is retried from a
 * fresh read, which the charging saga's transaction could not do, and the saga's batch, rolled back, takes no number
 * with it). Exactly once:
 * the bill id is derived from the charge id, and a bill already issued under it is answered and nothing appended.
 * A closed or unknown account refuses it (a typed refusal the charging process records and moves past).
 */
@Component
class EventChargeBills {

    private static final int ATTEMPTS = 6;

    private final EventStreams streams;
    private final EventStorageEngine storageEngine;
    private final EventStore eventStore;
    private final OwnTransaction ownTransaction;
    private final BillNumbers numbers;
    private final Cache accountCache;
    private final BillingRules rules;
    private final Clock clock;

    EventChargeBills(EventStreams streams, @Lazy EventStorageEngine storageEngine, @Lazy EventStore eventStore,
                     OwnTransaction ownTransaction, BillNumbers numbers,
                     @Qualifier("accountCache") Cache accountCache, BillingProperties properties,
                     Clock clock) {
        this.streams = streams;
        this.storageEngine = storageEngine;
        this.eventStore = eventStore;
        this.ownTransaction = ownTransaction;
        this.numbers = numbers;
        this.accountCache = accountCache;
        this.rules = new BillingRules(properties.paymentTermDays());
        this.clock = clock;
    }

    /** The charge's bill id: issued now, or the one issued before under the same charge id. */
    @CommandHandler
    String handle(IssueEventChargeBill command) {
        MetaData metaData = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().getCorrelationData()
                : MetaData.emptyInstance();
        for (int attempt = 1; ; attempt++) {
            try {
                String billId = ownTransaction.execute(() -> issueOnce(command, metaData));
                accountCache.remove(command.accountId());
                return billId;
            } catch (RuntimeException failure) {
                if (attempt == ATTEMPTS || !BillWriter.lostARace(failure)) {
                    throw failure;
                }
            }
        }
    }

    private String issueOnce(IssueEventChargeBill command, MetaData metaData) {
        String billId = billId(command.chargeId());
        List<DomainEventMessage<?>> issued = streams.read(List.of(billId)).get(billId);
        if (issued != null && !issued.isEmpty()) {
            return billId;
        }
        BillingAccount account = AccountFold.of(streams.read(List.of(command.accountId())).get(command.accountId()));
        if (account == null) {
            throw new LedgerRefusal(ErrorCode.ACCOUNT_NOT_FOUND, "No account " + command.accountId());
        }
        if (account.closed()) {
            throw new LedgerRefusal(ErrorCode.ACCOUNT_CLOSED, "Account " + command.accountId() + " is closed");
        }
        Money amount = command.amount();
        if (!amount.currency().equals(account.currency())) {
            throw new LedgerRefusal(ErrorCode.CURRENCY_MISMATCH, "charge " + amount
                    + " is not in the account's currency " + account.currency());
        }
        BillingCatalog catalog = new EventStoreBillingCatalog(eventStore);
        BigDecimal taxRate = command.productCode() == null ? BigDecimal.ZERO
                : catalog.product(command.productCode()).map(ProductDefinition::taxRatePercent)
                .orElse(BigDecimal.ZERO);
        taxRate = taxRate == null ? BigDecimal.ZERO : taxRate;
        Money tax = Proration.taxPart(amount, taxRate);
        var on = command.chargedOn();
        BillLine line = new BillLine(1, BillLineKind.ONE_OFF, command.productCode(), command.description(), on, on, 1,
                amount, tax, taxRate, command.chargeId(), command.explanation());
        // issued (and due from) the day it is written, as the bill numbers run; the line keeps the action's date,
        // which may lie in the past (an action recorded late) without making the fee overdue on arrival
        LocalDate today = LocalDate.now(clock);
        String billNumber = numbers.take(today.getYear(), 1).get(0);
        storageEngine.appendEvents(new OneOffBill(billId, billNumber, BillKind.EVENT_CHARGE, command.subscriptionId(),
                today, List.of(line), amount, tax, rules.dueDate(catalog, command.billingTermSchemeCode(), today),
                "Bill " + billNumber + " (" + command.description() + ")").events(account, metaData));
        return billId;
    }

    /** One charge, one bill id: an event charge can never be billed twice. */
    static String billId(String chargeId) {
        return UUID.nameUUIDFromBytes(("bill|event-charge|" + chargeId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
