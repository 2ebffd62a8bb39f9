package org.subledger.command.catalog;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.subledger.kernel.catalog.AmendUsageCatalog;
import org.subledger.kernel.catalog.CatalogIds;
import org.subledger.kernel.catalog.CreateUsageCatalog;
import org.subledger.kernel.catalog.ServiceType;
import org.subledger.kernel.catalog.UsageCatalogAmended;
import org.subledger.kernel.catalog.UsageCatalogCreated;
import org.subledger.kernel.catalog.UsageCatalogDefinition;
import org.subledger.kernel.catalog.UsageServiceEntry;

import java.util.HashSet;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A provider's usage service catalog: usage services with their rates and the termed service each relates to. */
@Aggregate
class UsageCatalog {

    @AggregateIdentifier
    private String id;
    private UsageCatalogDefinition definition;

    UsageCatalog() {
    }

    /** Whether it recorded the entry: false when the same definition was there already. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(CreateUsageCatalog command, CatalogLookup catalog) {
        validate(command.definition(), catalog);
        if (definition != null) {
            if (definition.equals(command.definition())) {
                return false;
            }
            throw CatalogRules.exists("usage catalog", definition.code());
        }
        apply(new UsageCatalogCreated(command.definition()));
        return true;
    }

    @CommandHandler
    void handle(AmendUsageCatalog command, CatalogLookup catalog) {
        validate(command.definition(), catalog);
        if (!definition.equals(command.definition())) {
            apply(new UsageCatalogAmended(command.definition()));
        }
    }

    UsageCatalogDefinition definition() {
        return definition;
    }

    private static void validate(UsageCatalogDefinition usageCatalog, CatalogLookup catalog) {
        CatalogRules.check().code(usageCatalog.code()).required(usageCatalog.name(), "name")
                .required(usageCatalog.providerCode(), "providerCode")
                .rule(usageCatalog.services().stream().allMatch(service -> service.rate() != null
                        && service.rate().baseAmount() != null), "services", "every service has a rate")
                .orRefuse("The usage catalog");
        var rules = CatalogRules.check().rule(catalog.providerExists(usageCatalog.providerCode()), "providerCode",
                "is not a provider");
        var seen = new HashSet<String>();
        for (UsageServiceEntry service : usageCatalog.services()) {
            rules.rule(seen.add(service.productCode()), "services", service.productCode() + " is listed twice")
                    .rule(catalog.typeOfProduct(service.productCode())
                                    .filter(type -> type.serviceType() == ServiceType.USAGE).isPresent(), "services",
                            service.productCode() + " is not a usage service")
                    .rule(service.relatedTermedService() != null && catalog.typeOfProduct(
                                    service.relatedTermedService())
                                    .filter(type -> type.serviceType() == ServiceType.TERMED).isPresent(), "services",
                            service.productCode() + " must relate to a termed service");
        }
        rules.orRefuseAsRule("The usage catalog " + usageCatalog.code());
    }

    @EventSourcingHandler
    void on(UsageCatalogCreated event) {
        id = CatalogIds.usageCatalog(event.definition().code());
        definition = event.definition();
    }

    @EventSourcingHandler
    void on(UsageCatalogAmended event) {
        definition = event.definition();
    }
}
