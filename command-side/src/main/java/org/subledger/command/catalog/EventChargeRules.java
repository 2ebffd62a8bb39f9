package org.subledger.command.catalog;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.subledger.kernel.catalog.AmendEventChargeRule;
import org.subledger.kernel.catalog.CatalogIds;
import org.subledger.kernel.catalog.CreateEventChargeRule;
import org.subledger.kernel.catalog.EventChargeRuleAmended;
import org.subledger.kernel.catalog.EventChargeRuleCreated;
import org.subledger.kernel.catalog.EventChargeRuleDefinition;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Every event charge rule of the catalog, in one stream: the charging process reads the rules whole on each
 * subscription action, and a catalog holds a handful of them. A rule names a product the catalog has and, if any, a
 * price plan it has; its code keys posting ids, so it is never renamed (retire it: state INACTIVE).
 */
@Aggregate
class EventChargeRules {

    @AggregateIdentifier
    private String id;
    private final Map<String, EventChargeRuleDefinition> rules = new LinkedHashMap<>();

    EventChargeRules() {
    }

    /** Whether it recorded the entry: false when the same definition was there already. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(CreateEventChargeRule command, CatalogLookup catalog) {
        var created = command.definition();
        validate(created, catalog);
        var existing = rules.get(created.code());
        if (existing != null) {
            if (existing.equals(created)) {
                return false;
            }
            throw CatalogRules.exists("event charge rule", created.code());
        }
        apply(new EventChargeRuleCreated(created));
        return true;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AmendEventChargeRule command, CatalogLookup catalog) {
        var amended = command.definition();
        validate(amended, catalog);
        var existing = rules.get(amended.code());
        if (existing == null) {
            throw CatalogRules.notFound("event charge rule", amended.code());
        }
        if (!existing.equals(amended)) {
            apply(new EventChargeRuleAmended(amended));
        }
    }

    static void shape(EventChargeRuleDefinition d) {
        CatalogRules.check().code(d.code()).required(d.name(), "name").required(d.trigger(), "trigger")
                .required(d.productCode(), "productCode").required(d.recurrence(), "recurrence")
                .required(d.state(), "state").orRefuse("The event charge rule");
    }

    private static void validate(EventChargeRuleDefinition d, CatalogLookup catalog) {
        shape(d);
        CatalogRules.check()
                .rule(catalog.product(d.productCode()).isPresent(), "productCode",
                        "no product " + d.productCode() + " in the catalog")
                .rule(d.pricePlanCode() == null || catalog.pricePlan(d.pricePlanCode()).isPresent(), "pricePlanCode",
                        "no price plan " + d.pricePlanCode() + " in the catalog")
                .orRefuseAsRule("The event charge rule");
    }

    @EventSourcingHandler
    void on(EventChargeRuleCreated event) {
        id = CatalogIds.EVENT_CHARGE_RULES;
        rules.put(event.definition().code(), event.definition());
    }

    @EventSourcingHandler
    void on(EventChargeRuleAmended event) {
        rules.put(event.definition().code(), event.definition());
    }
}
