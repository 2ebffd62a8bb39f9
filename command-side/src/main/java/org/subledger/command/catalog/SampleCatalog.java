package org.subledger.command.catalog;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.subledger.command.process.Refusals;
import org.subledger.kernel.catalog.ActivityServiceTerms;
import org.subledger.kernel.catalog.ActivityTypeDefinition;
import org.subledger.kernel.catalog.AmendActivityType;
import org.subledger.kernel.catalog.AmendJobType;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.catalog.AmendBillingTermScheme;
import org.subledger.kernel.catalog.BillingTermSchemeDefinition;
import org.subledger.kernel.catalog.BillingTiming;
import org.subledger.kernel.catalog.PrepaidSettlement;
import org.subledger.kernel.catalog.BundleComponent;
import org.subledger.kernel.catalog.Composition;
import org.subledger.kernel.catalog.Condition;
import org.subledger.kernel.catalog.ConditionAttribute;
import org.subledger.kernel.catalog.CreateActivityType;
import org.subledger.kernel.catalog.CreateBillingTermScheme;
import org.subledger.kernel.catalog.CreateJobType;
import org.subledger.kernel.catalog.CreatePricePlan;
import org.subledger.kernel.catalog.CreateProduct;
import org.subledger.kernel.catalog.CreateProductType;
import org.subledger.kernel.catalog.ChargeRecurrence;
import org.subledger.kernel.catalog.CreateEventChargeRule;
import org.subledger.kernel.catalog.CreateProvider;
import org.subledger.kernel.catalog.DefinitionState;
import org.subledger.kernel.catalog.EventChargeRuleDefinition;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.catalog.CreateSubscriptionType;
import org.subledger.kernel.catalog.CreateUsageCatalog;
import org.subledger.kernel.catalog.FlexibleBundleRules;
import org.subledger.kernel.catalog.JobTypeDefinition;
import org.subledger.kernel.catalog.PhysicalGoodType;
import org.subledger.kernel.catalog.PricePlanDefinition;
import org.subledger.kernel.catalog.PricePlanKind;
import org.subledger.kernel.catalog.ProductClassification;
import org.subledger.kernel.catalog.ProductDefinition;
import org.subledger.kernel.catalog.ProductTypeDefinition;
import org.subledger.kernel.catalog.ProviderDefinition;
import org.subledger.kernel.catalog.RateClassification;
import org.subledger.kernel.catalog.ServiceType;
import org.subledger.kernel.catalog.SetProductRate;
import org.subledger.kernel.catalog.SubscriptionTypeDefinition;
import org.subledger.kernel.catalog.UsageCatalogDefinition;
import org.subledger.kernel.catalog.UsageServiceEntry;
import org.subledger.kernel.catalog.Validity;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.rating.Rate;
import org.subledger.kernel.rating.RateLevel;
import org.subledger.kernel.rating.RateModel;
import org.subledger.kernel.rating.TierBasis;
import org.subledger.kernel.rating.UsageRate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The demo operator's catalog (AluxSat, from the product manuals): TV packages, add-on channels, PPV and VOD, the
 * decoder, antenna and router, the start-up fee, installation and repairs, with the rates of the manuals' worked
 * examples (P1-P8, U1-U2), with the discount and buy-in-advance definitions of D1, D2, D6 and B1 ({@link
 * SampleDiscounts}). Loaded through the ordinary commands; loading it again records nothing, because creating
 * an entry with its existing definition, or setting its latest price version again, is a no-op.
 */
@Component
public class SampleCatalog {

    static final LocalDate RATES_FROM = LocalDate.of(2015, 1, 1);
    static final BigDecimal VAT = new BigDecimal("19");

    private final CommandGateway commandGateway;

    SampleCatalog(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    /** Sends every command of the sample catalog, in dependency order; returns how many were sent. */
    public int load() {
        var commands = commands();
        commands.forEach(command -> {
            if (command instanceof CreateOrAmend upgrade) {
                upgrade.send(commandGateway);
            } else {
                commandGateway.sendAndWait(command);
            }
        });
        return commands.size();
    }

    /**
     * An entry whose sample definition grew after ledgers were loaded with its first one: created with the new
     * definition, or, where the first one is there already, amended to it (a no-op once amended).
     */
    record CreateOrAmend(Object create, Object amend) {

        void send(CommandGateway gateway) {
            try {
                gateway.sendAndWait(create);
            } catch (RuntimeException refused) {
                if (!(Refusals.of(refused).map(details -> details.code() == ErrorCode.CATALOG_ENTRY_EXISTS)
                        .orElse(false))) {
                    throw refused;
                }
                gateway.sendAndWait(amend);
            }
        }
    }

    /** A scheme of the sample, created, or amended to this definition where an earlier one is stored. */
    private static void scheme(List<Object> commands, BillingTermSchemeDefinition definition) {
        commands.add(new CreateOrAmend(new CreateBillingTermScheme(definition),
                new AmendBillingTermScheme(definition)));
    }

    static List<Object> commands() {
        List<Object> commands = new ArrayList<>();
        commands.add(new CreateProvider(new ProviderDefinition("NAGRA", "Nagra Media Live")));
        for (var type : productTypes()) {
            commands.add(new CreateProductType(type));
        }
        for (var product : products()) {
            commands.add(new CreateProduct(product));
        }
        commands.add(new CreatePricePlan(new PricePlanDefinition("STANDARD", "Standard rates", PricePlanKind.BASE,
                null, "EUR", List.of(), List.of(), List.of())));
        commands.add(new CreatePricePlan(new PricePlanDefinition("VIP", "VIP customers", PricePlanKind.CONDITIONAL,
                "STANDARD", "EUR", List.of(vip()), List.of(vip()), List.of("Customer Care Managers"))));
        commands.addAll(rates());
        // the seed's start-up fee: charged once, when a customer becomes a subscriber, in the subscription's plan
        commands.add(new CreateEventChargeRule(new EventChargeRuleDefinition("START-UP-FEE", "Start-up fee",
                BehaviourCode.BECOME_SUBSCRIBER, "START-UP-FEE", null, ChargeRecurrence.ONCE_PER_SUBSCRIPTION,
                DefinitionState.EFFECTIVE)));
        // created or amended: a ledger loaded before bills per account stored these schemes billing per subscription
        scheme(commands, new BillingTermSchemeDefinition("RESIDENTIAL",
                "Residential monthly", List.of(BillingFrequency.MONTHLY, BillingFrequency.QUARTERLY,
                BillingFrequency.ANNUAL), 12, List.of("STANDARD", "VIP"), "STANDARD", true, false,
                BillingTiming.IN_ADVANCE, eur("50.00"), 20, false));
        scheme(commands, new BillingTermSchemeDefinition("CORPORATE", "Corporate",
                List.of(BillingFrequency.MONTHLY, BillingFrequency.ANNUAL), 24, List.of("STANDARD"), "STANDARD",
                false, true, BillingTiming.IN_ARREARS, null, null, false));
        // usage is billed as soon as it is recorded
        scheme(commands, new BillingTermSchemeDefinition("PREPAID", "Prepaid monthly",
                List.of(BillingFrequency.MONTHLY), 0, List.of("STANDARD"), "STANDARD", false, false,
                BillingTiming.IN_ADVANCE, null, null, true));
        // prepaid from the wallet: usage it cannot pay is refused, an unpaid month deactivates until a top-up
        scheme(commands, new BillingTermSchemeDefinition("PREPAID-WALLET",
                "Prepaid monthly, paid from the wallet", List.of(BillingFrequency.MONTHLY), 0, List.of("STANDARD"),
                "STANDARD", false, false, BillingTiming.IN_ADVANCE, null, null, true,
                PrepaidSettlement.WALLET_OR_DEACTIVATE));
        List<String> tvProducts = List.of("GOLD", "PLATINUM", "EUROSPORT-1", "PPV-SERVICE", "PPV-MOVIES", "BOUQUET",
                "DECODER", "ANTENNA", "ROUTER", "START-UP-FEE", "INSTALL-KIT");
        commands.add(new CreateSubscriptionType(new SubscriptionTypeDefinition("GOLD", "Gold TV",
                List.of("RESIDENTIAL", "CORPORATE"), List.of("NAGRA"), tvProducts)));
        commands.add(new CreateSubscriptionType(new SubscriptionTypeDefinition("PLATINUM", "Platinum TV",
                List.of("RESIDENTIAL", "CORPORATE"), List.of("NAGRA"), tvProducts)));
        // a type of its own rather than PREPAID added to GOLD's schemes: reloading the sample into a ledger that
        // has GOLD already would be refused as a different definition under an existing code
        commands.add(new CreateSubscriptionType(new SubscriptionTypeDefinition("GOLD-PREPAID", "Gold TV, prepaid",
                List.of("PREPAID"), List.of("NAGRA"), tvProducts)));
        commands.add(new CreateSubscriptionType(new SubscriptionTypeDefinition("GOLD-WALLET",
                "Gold TV, prepaid from the wallet", List.of("PREPAID-WALLET"), List.of("NAGRA"), tvProducts)));
        var night = new UsageRate.TimeOfDayRate(LocalTime.of(0, 1), LocalTime.of(6, 59), eur("2.00"));
        var movieRate = new UsageRate(eur("3.00"), List.of(night));
        commands.add(new CreateUsageCatalog(new UsageCatalogDefinition("NAGRA-MOVIES", "Nagra movies on demand",
                "NAGRA", Validity.ALWAYS, List.of(
                new UsageServiceEntry("BRAVEHEART", "1AQ82", movieRate, Validity.ALWAYS, "PPV-MOVIES"),
                new UsageServiceEntry("SERENDIPITY", "1AQ92", movieRate, Validity.ALWAYS, "PPV-MOVIES"),
                new UsageServiceEntry("LIMITLESS", "1BQ12", movieRate, Validity.ALWAYS, "PPV-MOVIES")),
                List.of())));
        commands.add(new CreateJobType(new JobTypeDefinition("REPAIR", "Repair", List.of("DECODER", "ROUTER"))));
        commands.addAll(jobCatalog());
        commands.addAll(SampleDiscounts.commands());
        return commands;
    }

    /**
     * The AluxSat job types and activity types jobs are run with. INSTALLATION, INSTALL and REPAIR were created with
     * narrower definitions before jobs existed: a ledger holding those is amended to these.
     */
    private static List<Object> jobCatalog() {
        var hardware = List.of("DECODER", "ROUTER", "ANTENNA", "INSTALL-KIT");
        var installation = new JobTypeDefinition("INSTALLATION", "New installation",
                List.of("START-UP-FEE", "ANTENNA", "DECODER", "ROUTER", "INSTALL-KIT", "INSTALLATION-FEE"));
        // an installation is billed for at least one hour, for the time it took; a repair for at least half
        var install = new ActivityTypeDefinition("INSTALL", "Install equipment", List.of("INSTALLATION"),
                List.of(new ActivityServiceTerms("INSTALLATION", 60, false, true)));
        var repair = new ActivityTypeDefinition("REPAIR", "Repair equipment", List.of("REPAIRS"),
                List.of(new ActivityServiceTerms("REPAIRS", 30, false, true)));
        return List.of(
                new CreateOrAmend(new CreateJobType(installation), new AmendJobType(installation)),
                new CreateJobType(new JobTypeDefinition("SHOP-SALE", "Sale in a shop", hardware)),
                new CreateJobType(new JobTypeDefinition("NEW-SUBSCRIPTION", "Order for a new subscription",
                        List.of("START-UP-FEE", "DECODER", "ANTENNA", "INSTALLATION-FEE"))),
                new CreateOrAmend(new CreateActivityType(install), new AmendActivityType(install)),
                new CreateOrAmend(new CreateActivityType(repair), new AmendActivityType(repair)));
    }

    private static List<ProductTypeDefinition> productTypes() {
        var service = ProductClassification.SERVICE;
        var good = ProductClassification.PHYSICAL_GOOD;
        return List.of(
                new ProductTypeDefinition("TV-PACKAGE", "Subscription packages", service, null, ServiceType.TERMED,
                        Composition.FLAT, true, null),
                new ProductTypeDefinition("ADD-ON", "Add-on channels", service, null, ServiceType.TERMED,
                        Composition.FLAT, true, null),
                new ProductTypeDefinition("BOUQUET", "Channel bouquets", service, null, ServiceType.TERMED,
                        Composition.FLEXIBLE_BUNDLE, true, null),
                new ProductTypeDefinition("VOD", "Movies on demand", service, null, ServiceType.USAGE,
                        Composition.FLAT, true, "VOD"),
                new ProductTypeDefinition("FEE", "Fees", service, null, ServiceType.EXPENSE, Composition.FLAT, false,
                        null),
                new ProductTypeDefinition("LABOUR", "Technician services", service, null, ServiceType.ONE_TIME,
                        Composition.FLAT, false, null),
                new ProductTypeDefinition("TRACEABLE-HW", "Traceable hardware", good, PhysicalGoodType.TRACEABLE,
                        null, Composition.FLAT, true, null),
                new ProductTypeDefinition("PLAIN-HW", "Non-traceable hardware", good, PhysicalGoodType.NON_TRACEABLE,
                        null, Composition.FLAT, false, null),
                new ProductTypeDefinition("HW-KIT", "Hardware kits", good, PhysicalGoodType.NON_TRACEABLE, null,
                        Composition.FIXED_BUNDLE, false, null));
    }

    private static List<ProductDefinition> products() {
        return List.of(
                product("GOLD", "Gold package", "TV-PACKAGE", "Packages", Map.of("NAGRA", "NML-GOLD")),
                product("PLATINUM", "Platinum package", "TV-PACKAGE", "Packages", Map.of("NAGRA", "NML-PLAT")),
                product("EUROSPORT-1", "Eurosport 1", "ADD-ON", "Sports", Map.of("NAGRA", "NML-ES1")),
                product("PPV-SERVICE", "Pay-per-view service", "ADD-ON", "PPV", Map.of("NAGRA", "NML-PPV")),
                product("PPV-MOVIES", "PPV movies", "ADD-ON", "PPV", Map.of("NAGRA", "NML-PPVM")),
                new ProductDefinition("BOUQUET", null, "Choose-your-channels bouquet", "BOUQUET", "AluxSat", "Packages",
                        List.of("TV"), Validity.ALWAYS, VAT, List.of(), new FlexibleBundleRules(List.of(),
                        List.of("ADD-ON"), List.of(), null, 1), Map.of("NAGRA", "NML-BQT")),
                product("BRAVEHEART", "Braveheart", "VOD", "Movies", Map.of()),
                product("SERENDIPITY", "Serendipity", "VOD", "Movies", Map.of()),
                product("LIMITLESS", "Limitless", "VOD", "Movies", Map.of()),
                product("DECODER", "HD decoder", "TRACEABLE-HW", "Decoders", Map.of("NAGRA", "NML-STB")),
                product("ROUTER", "Wireless router", "TRACEABLE-HW", "Modems", Map.of()),
                product("ANTENNA", "Satellite antenna", "PLAIN-HW", "Antennas", Map.of()),
                product("START-UP-FEE", "Start up fee", "FEE", "Fees", Map.of()),
                product("INSTALLATION", "Installation service fee", "LABOUR", "Services", Map.of()),
                product("REPAIRS", "Repairs", "LABOUR", "Services", Map.of()),
                product("INSTALLATION-FEE", "Installation fee", "FEE", "Fees", Map.of()),
                new ProductDefinition("INSTALL-KIT", null, "Installation kit", "HW-KIT", "AluxSat", "Kits",
                        List.of("Hardware"), Validity.ALWAYS, VAT, List.of(new BundleComponent("ANTENNA", 1),
                        new BundleComponent("DECODER", 1)), null, Map.of()));
    }

    private static List<SetProductRate> rates() {
        var hours = List.of(level(1, 1L, "20"), level(2, 5L, "15"), level(6, null, "10"));
        var hardware = List.of(level(1, 1L, "10"), level(2, 2L, "9"), level(3, 3L, "8"), level(4, null, "7"));
        var distributors = List.of(level(1, 1L, "5"), level(2, 2L, "4"), level(3, 3L, "3"), level(4, null, "2"));
        return List.of(
                rate("STANDARD", "START-UP-FEE", RateClassification.EXPENSE, Rate.flat(eur("5.00"))),
                rate("STANDARD", "INSTALLATION-FEE", RateClassification.EXPENSE, Rate.flat(eur("80.00"))),
                rate("STANDARD", "REPAIRS", RateClassification.ONE_TIME_SERVICE,
                        new Rate(RateModel.FLAT, TierBasis.DURATION_HOURS, eur("20"), hours)),
                rate("STANDARD", "INSTALLATION", RateClassification.ONE_TIME_SERVICE,
                        new Rate(RateModel.TIERED, TierBasis.DURATION_HOURS, eur("20"), hours)),
                rate("STANDARD", "ANTENNA", RateClassification.PHYSICAL_GOOD,
                        new Rate(RateModel.FLAT, TierBasis.QUANTITY, eur("10"), hardware)),
                rate("STANDARD", "DECODER", RateClassification.PHYSICAL_GOOD,
                        new Rate(RateModel.TIERED, TierBasis.QUANTITY, eur("10"), hardware)),
                rate("STANDARD", "ROUTER", RateClassification.PHYSICAL_GOOD, Rate.flat(eur("40.00"))),
                rate("STANDARD", "INSTALL-KIT", RateClassification.PHYSICAL_GOOD, Rate.flat(eur("25.00"))),
                rate("STANDARD", "GOLD", RateClassification.TERMED_SERVICE,
                        new Rate(RateModel.TIERED, TierBasis.MATURITY_PERIODS, eur("20"),
                                List.of(level(1, 3L, "0"), level(4, null, "20")))),
                rate("STANDARD", "PLATINUM", RateClassification.TERMED_SERVICE, Rate.flat(eur("30.00"))),
                rate("STANDARD", "EUROSPORT-1", RateClassification.TERMED_SERVICE,
                        new Rate(RateModel.FLAT, TierBasis.QUANTITY, eur("5"), distributors)),
                rate("STANDARD", "PPV-SERVICE", RateClassification.TERMED_SERVICE,
                        new Rate(RateModel.TIERED, TierBasis.QUANTITY, eur("5"), distributors)),
                rate("STANDARD", "PPV-MOVIES", RateClassification.TERMED_SERVICE, Rate.flat(eur("2.00"))),
                rate("STANDARD", "BOUQUET", RateClassification.TERMED_SERVICE, Rate.flat(eur("12.00"))),
                rate("VIP", "GOLD", RateClassification.TERMED_SERVICE, Rate.flat(eur("0.00"))),
                rate("VIP", "PLATINUM", RateClassification.TERMED_SERVICE, Rate.flat(eur("0.00"))));
    }

    private static ProductDefinition product(String code, String description, String type, String family,
                                             Map<String, String> providerIds) {
        return new ProductDefinition(code, null, description, type, "AluxSat", family, List.of(family),
                Validity.ALWAYS, VAT, List.of(), null, providerIds);
    }

    private static SetProductRate rate(String plan, String product, RateClassification classification, Rate rate) {
        return new SetProductRate(plan, product, classification, rate, RATES_FROM);
    }

    private static Condition vip() {
        return new Condition(ConditionAttribute.ACCOUNT_CLASSIFICATION, List.of("VIP"));
    }

    private static RateLevel level(long from, Long to, String amount) {
        return RateLevel.of(from, to, eur(amount));
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
