package org.subledger.command.account;

import java.util.List;

/**
 * What closing an account needs to know of the subscriptions that point at it, read consistently on the command
 * side (never from a projection). Injected as a handler parameter.
 */
interface AccountSubscriptions {

    /** The account's subscriptions that are not terminated (draft, effective or deactivated), in id order. */
    List<String> liveSubscriptionsOf(String accountId);
}
