package org.subledger.projection.account;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.subledger.kernel.account.AccountClassificationChanged;
import org.subledger.kernel.account.AccountClosed;
import org.subledger.kernel.account.AccountOpened;
import org.subledger.kernel.account.AdjustmentDirection;
import org.subledger.kernel.account.AdjustmentPosted;
import org.subledger.kernel.account.ChargePosted;
import org.subledger.kernel.account.ContactDetails;
import org.subledger.kernel.account.CreditLimitAmended;
import org.subledger.kernel.account.CreditPosted;
import org.subledger.kernel.account.CreditRatingChanged;
import org.subledger.kernel.account.CustomerType;
import org.subledger.kernel.account.PaymentRecorded;
import org.subledger.kernel.account.PersonDetails;
import org.subledger.kernel.billing.BillPosted;
import org.subledger.kernel.money.Money;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * Builds an account's events as the command side would store them: consecutive sequence numbers and timestamps a
 * minute apart, starting at a fixed instant.
 */
final class AccountHistoryFixture {

    static final Instant START = Instant.parse("2025-03-01T09:00:00Z");

    final String accountId;
    private final List<DomainEventMessage<?>> messages = new ArrayList<>();
    private Instant next = START;
    private int published;

    AccountHistoryFixture(String accountId) {
        this.accountId = accountId;
    }

    static AccountHistoryFixture newAccount() {
        return new AccountHistoryFixture("ACC-" + UUID.randomUUID());
    }

    AccountHistoryFixture opened() {
        return then(new AccountOpened(accountId, CustomerType.PERSON, new PersonDetails("Ada", "Lovelace", "ID-1"),
                null, ContactDetails.none(), Currency.getInstance("EUR"), eur("500.00"), "A", "RESIDENTIAL",
                "agent"));
    }

    AccountHistoryFixture charged(String amount, String balanceAfter) {
        return then(new ChargePosted(accountId, "P-" + messages.size(), eur(amount), "Monthly fee",
                "INV-" + messages.size(), eur(balanceAfter)));
    }

    AccountHistoryFixture credited(String amount, String balanceAfter) {
        return then(new CreditPosted(accountId, "P-" + messages.size(), eur(amount), "Goodwill credit",
                "CN-" + messages.size(), eur(balanceAfter)));
    }

    AccountHistoryFixture paid(String amount, String balanceAfter) {
        return then(new PaymentRecorded(accountId, "P-" + messages.size(), eur(amount), "Bank transfer",
                "PAY-" + messages.size(), eur(balanceAfter), null));
    }

    AccountHistoryFixture adjusted(AdjustmentDirection direction, String amount, String balanceAfter) {
        return then(new AdjustmentPosted(accountId, "P-" + messages.size(), eur(amount), direction,
                "Correction of a rounding error", eur(balanceAfter)));
    }

    /** A bill of {@code total} (negative when its credits exceed its charges), numbered 2026-00000n. */
    AccountHistoryFixture billed(String total, String balanceAfter) {
        String billId = "BILL-" + messages.size();
        return then(new BillPosted(accountId, "bill:" + billId, billId, "2026-00000" + messages.size(), eur(total),
                eur("0.00"), "Bill 2026-00000" + messages.size(), eur(balanceAfter),
                java.time.LocalDate.of(2026, 3, 15)));
    }

    AccountHistoryFixture creditLimitAmended(String from, String to) {
        return then(new CreditLimitAmended(accountId, eur(from), eur(to), "good payer"));
    }

    AccountHistoryFixture creditRatingChanged(String from, String to) {
        return then(new CreditRatingChanged(accountId, from, to));
    }

    AccountHistoryFixture reclassified(String from, String to) {
        return then(new AccountClassificationChanged(accountId, from, to));
    }

    AccountHistoryFixture closed() {
        return then(new AccountClosed(accountId, "customer left"));
    }

    AccountHistoryFixture then(Object payload) {
        messages.add(new GenericDomainEventMessage<>("Account", accountId, messages.size(), payload,
                MetaData.emptyInstance(), UUID.randomUUID().toString(), next));
        next = next.plus(Duration.ofMinutes(1));
        return this;
    }

    /** The timestamp of the event with this sequence number. */
    static Instant timeOf(long sequenceNumber) {
        return START.plus(Duration.ofMinutes(sequenceNumber));
    }

    /** The payload of the event with this sequence number. */
    Object payloadOf(int sequenceNumber) {
        return messages.get(sequenceNumber).getPayload();
    }

    /** The events added since the last call, to be published. */
    List<DomainEventMessage<?>> unpublished() {
        var events = List.copyOf(messages.subList(published, messages.size()));
        published = messages.size();
        return events;
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
