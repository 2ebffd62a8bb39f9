package org.subledger.command.subscription;

import org.subledger.kernel.catalog.BuyInAdvanceDefinition;

import java.util.Optional;

/**
 * The catalog's buy-in-advance definition in force, as the subscription's command handler reads it: straight from the
 * catalog's one stream of buy-in-advance definitions in the event store (never a projection). Injected as a handler
 * parameter.
 */
interface BuyInAdvanceOffers {

    /** The one EFFECTIVE definition, if any (the catalog allows at most one at a time, B4). */
    Optional<BuyInAdvanceDefinition> effective();
}
