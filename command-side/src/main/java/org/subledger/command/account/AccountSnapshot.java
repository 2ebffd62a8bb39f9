package org.subledger.command.account;

import org.subledger.kernel.account.AccountState;

/**
 * What an Account aggregate snapshot gives other readers of the account's stream on the command side (the
 * subscription side's account lookup): the folded {@link AccountState}, from which they fold the events after it.
 */
public interface AccountSnapshot {
    AccountState state();
}
