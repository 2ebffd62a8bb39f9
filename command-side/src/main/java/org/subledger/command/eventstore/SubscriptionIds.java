package org.subledger.command.eventstore;

import java.util.List;

/**
 * The identifiers of the subscriptions ever created for an account. Axon's event store reads one aggregate's stream
 * by its id but cannot find streams by content; closing an account needs its subscriptions.
 */
public interface SubscriptionIds {

    List<String> ofAccount(String accountId);
}
