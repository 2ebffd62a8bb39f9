package org.subledger.command.account;

import org.subledger.kernel.account.AccountClassificationChanged;
import org.subledger.kernel.account.AccountClosed;
import org.subledger.kernel.account.AccountOpened;
import org.subledger.kernel.account.AdjustmentDirection;
import org.subledger.kernel.account.AdjustmentPosted;
import org.subledger.kernel.account.ChargePosted;
import org.subledger.kernel.account.CompanyDetails;
import org.subledger.kernel.account.ContactDetails;
import org.subledger.kernel.account.CreditLimitAmended;
import org.subledger.kernel.account.CreditPosted;
import org.subledger.kernel.account.CreditRatingChanged;
import org.subledger.kernel.account.CustomerType;
import org.subledger.kernel.account.PaymentRecorded;
import org.subledger.kernel.account.PersonDetails;
import org.subledger.kernel.billing.BillPosted;
import org.subledger.kernel.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;

/**
 * Random but valid histories of one account, as the ledger records them: opened first, every posting carrying the
 * balance right after it, changes of limit, rating and classification in between, sometimes closed at the end.
 * Shared by the tests that feed the same histories to every reader of the account stream.
 */
public final class RandomAccountHistories {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final String[] RATINGS = {"AAA", "AA", "CAA", null};
    private static final String[] CLASSES = {"RESIDENTIAL", "VIP", "CORPORATE"};

    private RandomAccountHistories() {
    }

    public static List<Object> history(String accountId, Random random) {
        List<Object> events = new ArrayList<>();
        boolean person = random.nextBoolean();
        events.add(new AccountOpened(accountId, person ? CustomerType.PERSON : CustomerType.COMPANY,
                person ? new PersonDetails("Maria", "Georgiou", null) : null,
                person ? null : new CompanyDetails("Acme Ltd", "REG-1", null),
                new ContactDetails(null, null, random.nextBoolean() ? "Nicosia" : null), EUR,
                Money.of(new BigDecimal(random.nextInt(1000)), EUR), RATINGS[random.nextInt(RATINGS.length)],
                CLASSES[random.nextInt(CLASSES.length)], "agent"));
        Money balance = Money.zero(EUR);
        Money limit = ((AccountOpened) events.get(0)).creditLimit();
        String rating = ((AccountOpened) events.get(0)).creditRating();
        String classification = ((AccountOpened) events.get(0)).classification();
        int length = random.nextInt(60);
        for (int i = 0; i < length; i++) {
            Money amount = Money.of(BigDecimal.valueOf(1 + random.nextInt(100_000), 2), EUR);
            String id = "p" + i;
            switch (random.nextInt(8)) {
                case 0, 1 -> {
                    balance = balance.plus(amount);
                    events.add(new ChargePosted(accountId, id, amount, "charge", null, balance));
                }
                case 2 -> {
                    balance = balance.minus(amount);
                    events.add(new PaymentRecorded(accountId, id, amount, "payment", null, balance, null));
                }
                case 3 -> {
                    balance = balance.minus(amount);
                    events.add(new CreditPosted(accountId, id, amount, "credit", null, balance));
                }
                case 4 -> {
                    var direction = random.nextBoolean() ? AdjustmentDirection.DEBIT : AdjustmentDirection.CREDIT;
                    balance = balance.plus(direction.signed(amount));
                    events.add(new AdjustmentPosted(accountId, id, amount, direction, "adjusted", balance));
                }
                case 5 -> {
                    Money total = random.nextBoolean() ? amount : amount.negate();
                    balance = balance.plus(total);
                    events.add(new BillPosted(accountId, "bill-" + i, "bill-" + i, "2026-" + i, total,
                            Money.zero(EUR), "bill", balance, LocalDate.of(2026, 1, 1).plusDays(i)));
                }
                case 6 -> {
                    Money newLimit = Money.of(new BigDecimal(random.nextInt(1000)), EUR);
                    events.add(new CreditLimitAmended(accountId, limit, newLimit, "review"));
                    limit = newLimit;
                }
                default -> {
                    if (random.nextBoolean()) {
                        String newRating = RATINGS[random.nextInt(RATINGS.length - 1)];
                        events.add(new CreditRatingChanged(accountId, rating, newRating));
                        rating = newRating;
                    } else {
                        String newClassification = CLASSES[random.nextInt(CLASSES.length)];
                        events.add(new AccountClassificationChanged(accountId, classification, newClassification));
                        classification = newClassification;
                    }
                }
            }
        }
        if (random.nextInt(4) == 0) {
            events.add(new AccountClosed(accountId, "moved away"));
        }
        return events;
    }
}
