package org.subledger.kernel.catalog;

import org.axonframework.serialization.Revision;
import org.subledger.kernel.event.DomainEvent;

/**
 * A billing term scheme was added to the catalog. Revision 2 added {@code prepaid} to the definition; revision 1 is upcast
 * with {@code prepaid} false. Revision 3 added {@code paymentDueDays}; revision 2 is upcast with none
 * (the ledger's default payment term). Revision 4
 * added {@code prepaidSettlement}; revision 3 is upcast with {@code ACCOUNT}.
 */
@Revision("4")
public record BillingTermSchemeCreated(BillingTermSchemeDefinition definition) implements DomainEvent {
}
