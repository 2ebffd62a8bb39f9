package org.subledger.kernel.account;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * A command that moves an account's balance by a positive {@code amount}. {@code currency} may be left out: the
 * amount is then in the account's currency; when given it must be the account's currency.
 */
public interface AccountPostingCommand {
    String accountId();

    String postingId();

    BigDecimal amount();

    Currency currency();
}
