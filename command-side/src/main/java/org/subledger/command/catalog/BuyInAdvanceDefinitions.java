package org.subledger.command.catalog;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.subledger.kernel.catalog.AmendBuyInAdvanceDefinition;
import org.subledger.kernel.catalog.BuyInAdvanceDefinition;
import org.subledger.kernel.catalog.BuyInAdvanceDefinitionAmended;
import org.subledger.kernel.catalog.BuyInAdvanceDefinitionCreated;
import org.subledger.kernel.catalog.CatalogIds;
import org.subledger.kernel.catalog.CreateBuyInAdvanceDefinition;
import org.subledger.kernel.catalog.DefinitionState;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.error.LedgerRefusal;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Every buy-in-advance definition of the catalog, in one stream: "only one effective at a time" (B4) is decided on
 * the definitions this aggregate holds, and the event store's optimistic lock on the one stream keeps two concurrent
 * activations from both succeeding. The catalog holds a handful of them, so one stream stays small.
 */
@Aggregate
class BuyInAdvanceDefinitions {

    @AggregateIdentifier
    private String id;
    private final Map<String, BuyInAdvanceDefinition> definitions = new LinkedHashMap<>();

    BuyInAdvanceDefinitions() {
    }

    /** Whether it recorded the entry: false when the same definition was there already. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(CreateBuyInAdvanceDefinition command, CatalogLookup catalog) {
        var created = command.definition();
        validate(created, catalog);
        var existing = definitions.get(created.code());
        if (existing != null) {
            if (existing.equals(created)) {
                return false;
            }
            throw CatalogRules.exists("buy-in-advance definition", created.code());
        }
        refuseASecondEffective(created);
        apply(new BuyInAdvanceDefinitionCreated(created));
        return true;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AmendBuyInAdvanceDefinition command, CatalogLookup catalog) {
        var amended = command.definition();
        validate(amended, catalog);
        var existing = definitions.get(amended.code());
        if (existing == null) {
            throw CatalogRules.notFound("buy-in-advance definition", amended.code());
        }
        if (existing.equals(amended)) {
            return;
        }
        refuseASecondEffective(amended);
        apply(new BuyInAdvanceDefinitionAmended(amended));
    }

    private void refuseASecondEffective(BuyInAdvanceDefinition candidate) {
        if (candidate.state() != DefinitionState.EFFECTIVE) {
            return;
        }
        definitions.values().stream()
                .filter(other -> other.state() == DefinitionState.EFFECTIVE && !other.code().equals(candidate.code()))
                .findFirst()
                .ifPresent(other -> {
                    throw new LedgerRefusal(ErrorCode.BUY_IN_ADVANCE_ALREADY_EFFECTIVE, "The buy-in-advance "
                            + "definition " + other.code() + " is effective; only one may be at a time",
                            Map.of("state", other.code() + " is effective"));
                });
    }

    private static void validate(BuyInAdvanceDefinition d, CatalogLookup catalog) {
        DiscountRules.shape(d);
        DiscountRules.references(d, catalog);
    }

    @EventSourcingHandler
    void on(BuyInAdvanceDefinitionCreated event) {
        id = CatalogIds.BUY_IN_ADVANCE_DEFINITIONS;
        definitions.put(event.definition().code(), event.definition());
    }

    @EventSourcingHandler
    void on(BuyInAdvanceDefinitionAmended event) {
        definitions.put(event.definition().code(), event.definition());
    }
}
