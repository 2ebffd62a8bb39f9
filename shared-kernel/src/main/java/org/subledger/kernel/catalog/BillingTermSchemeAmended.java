package org.subledger.kernel.catalog;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

/**
 * The definition of a billing term scheme was replaced; the event holds the whole new definition. Revision 2 added
 * {@code prepaid} to the definition; revision 1 is upcast with {@code prepaid} false. Revision 3 added
 * {@code paymentDueDays}; revision 2 is upcast with none (the ledger's default payment term). Revision 4
 * added {@code prepaidSettlement}; revision 3 is upcast with {@code ACCOUNT}. Revision 5 added {@code billPer}; a
 * revision-4 scheme is upcast with {@code SUBSCRIPTION}, not with the new default: its subscriptions were billed one
 * bill each, and a stored scheme keeps meaning what it meant when it was defined (an operator who wants its accounts
 * billed on one bill amends it); a scheme defined now without the field bills per account.
 */
@Revision("5")
public record BillingTermSchemeAmended(BillingTermSchemeDefinition definition) implements DomainEvent {
}
