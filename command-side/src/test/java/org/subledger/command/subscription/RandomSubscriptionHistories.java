package org.subledger.command.subscription;

import org.subledger.kernel.discount.DiscountApplication;
import org.subledger.kernel.discount.DiscountApplied;
import org.subledger.kernel.subscription.BuyInAdvanceRequested;
import org.subledger.kernel.billing.BillingDirective;
import org.subledger.kernel.billing.ServiceCharged;
import org.subledger.kernel.billing.SubscriptionBilled;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.rating.RatingLine;
import org.subledger.kernel.subscription.BillingTerms;
import org.subledger.kernel.subscription.BillingTermsAmended;
import org.subledger.kernel.subscription.Distributor;
import org.subledger.kernel.subscription.DistributorAdded;
import org.subledger.kernel.subscription.DistributorRemoved;
import org.subledger.kernel.subscription.InstalledItem;
import org.subledger.kernel.subscription.InstalledItemAdded;
import org.subledger.kernel.subscription.InstalledItemRemoved;
import org.subledger.kernel.subscription.InstalledItemSwapped;
import org.subledger.kernel.subscription.ServiceAdded;
import org.subledger.kernel.subscription.ServiceRemoved;
import org.subledger.kernel.subscription.ServiceSwapped;
import org.subledger.kernel.subscription.SubscriptionActivated;
import org.subledger.kernel.subscription.SubscriptionCreated;
import org.subledger.kernel.subscription.SubscriptionDeactivated;
import org.subledger.kernel.subscription.SubscriptionReactivated;
import org.subledger.kernel.subscription.SubscriptionService;
import org.subledger.kernel.subscription.SubscriptionState;
import org.subledger.kernel.subscription.SubscriptionTerminated;
import org.subledger.kernel.usage.BillingDirectiveSet;
import org.subledger.kernel.usage.OneOffChargeAdded;
import org.subledger.kernel.usage.UsageBillingDue;
import org.subledger.kernel.usage.UsageBillingReason;
import org.subledger.kernel.usage.UsageRecorded;
import org.subledger.kernel.subscription.UsageTally;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.subledger.kernel.subscription.SubscriptionState.DEACTIVATED;
import static org.subledger.kernel.subscription.SubscriptionState.DRAFT;
import static org.subledger.kernel.subscription.SubscriptionState.EFFECTIVE;
import static org.subledger.kernel.subscription.SubscriptionState.TERMINATED;

/**
 * Random but valid histories of one subscription, as the ledger records them: created as a draft or effective, each
 * action only in the states the subscription's rules allow it in (a draft is activated once, usage and one-off charges
 * only while effective, nothing but bills after the termination), services, distributors and installed items added,
 * swapped and removed, directives set, and bills that charge services (also removed ones, up to their end), clear
 * usage and one-off charges and move the billing position on. Shared by the tests that feed the same histories to
 * every reader of the subscription stream.
 */
public final class RandomSubscriptionHistories {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final String[] PRODUCTS = {"BASIC", "SPORT", "CINEMA", "NET", "PHONE"};
    private static final String[] SCHEMES = {"RESIDENTIAL", "PREPAID", "BUSINESS"};

    private RandomSubscriptionHistories() {
    }

    public static List<Object> history(String subscriptionId, Random random) {
        return new Walk(subscriptionId, random).events();
    }

    /** The history being written, and what of the subscription it needs to write only valid events. */
    private static final class Walk {

        private final String id;
        private final Random random;
        private final List<Object> events = new ArrayList<>();
        private LocalDate today;
        private SubscriptionState state;
        private final Map<String, SubscriptionService> services = new LinkedHashMap<>();
        private final Set<String> distributors = new LinkedHashSet<>();
        private final Map<String, InstalledItem> items = new LinkedHashMap<>();
        /** Every stay billing may charge: product, billable from, and its end once the service left. */
        private final List<Stay> stays = new ArrayList<>();
        private final Map<String, UsageRecorded> unbilledUsage = new LinkedHashMap<>();
        private final Set<String> unbilledCharges = new LinkedHashSet<>();
        private int serial;

        private record Stay(String productCode, LocalDate billableFrom, LocalDate[] endsOn) {
        }

        Walk(String id, Random random) {
            this.id = id;
            this.random = random;
            today = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(60));
        }

        List<Object> events() {
            create();
            int length = random.nextInt(80);
            for (int i = 0; i < length; i++) {
                today = today.plusDays(random.nextInt(6));
                step();
            }
            return events;
        }

        private void create() {
            state = random.nextInt(3) == 0 ? DRAFT : EFFECTIVE;
            List<Distributor> initialDistributors = new ArrayList<>();
            for (int i = random.nextInt(3); i > 0; i--) {
                initialDistributors.add(newDistributor());
            }
            List<SubscriptionService> initialServices = new ArrayList<>();
            for (String code : PRODUCTS) {
                if (random.nextInt(3) == 0) {
                    initialServices.add(newService(code));
                }
            }
            List<InstalledItem> initialItems = new ArrayList<>();
            for (int i = random.nextInt(3); i > 0; i--) {
                initialItems.add(newItem());
            }
            events.add(new SubscriptionCreated(id, "acc-" + id, "GOLD-TV", state, terms(), "Nicosia", "Nicosia",
                    initialDistributors, initialServices, initialItems, today, null));
            initialServices.forEach(this::serviceOn);
            initialItems.forEach(item -> items.put(item.serialNumber(), item));
        }

        private void step() {
            switch (random.nextInt(16)) {
                case 0, 1 -> addService();
                case 2 -> removeService();
                case 3 -> swapService();
                case 4 -> addDistributor();
                case 5 -> removeDistributor();
                case 6 -> items();
                case 7 -> amendTerms();
                case 8 -> directive();
                case 9 -> lifeCycle();
                case 10, 11 -> usage();
                case 12 -> oneOffCharge();
                case 13, 14 -> bill();
                default -> {
                    int roll = random.nextInt(8);
                    if (roll == 0) {
                        terminate();
                    } else if (roll == 1 && state == EFFECTIVE) {
                        String requestId = "req-" + random.nextInt(3); // a repeat is ignored by the fold
                        events.add(new BuyInAdvanceRequested(id, "acc-" + id, requestId, "YEAR", 12, today, today,
                                today.plusMonths(12), null));
                    }
                }
            }
        }

        private boolean changeable() {
            return state == DRAFT || state == EFFECTIVE;
        }

        private boolean live() {
            return state != TERMINATED;
        }

        private void addService() {
            String code = PRODUCTS[random.nextInt(PRODUCTS.length)];
            if (changeable() && !services.containsKey(code)) {
                var service = newService(code);
                events.add(new ServiceAdded(id, service, today, null));
                serviceOn(service);
            }
        }

        private void removeService() {
            String code = anyService();
            if (live() && code != null) {
                events.add(new ServiceRemoved(id, code, today, null));
                serviceOff(code);
            }
        }

        private void swapService() {
            String previous = anyService();
            String code = PRODUCTS[random.nextInt(PRODUCTS.length)];
            if (changeable() && previous != null && !services.containsKey(code)) {
                var service = newService(code);
                events.add(new ServiceSwapped(id, previous, service, today, null));
                serviceOff(previous);
                serviceOn(service);
            }
        }

        private void addDistributor() {
            if (changeable()) {
                Set<String> provided = new LinkedHashSet<>();
                services.keySet().forEach(code -> {
                    if (random.nextBoolean()) {
                        provided.add(code);
                    }
                });
                var distributor = newDistributor();
                events.add(new DistributorAdded(id, distributor, provided, today, null));
                provided.forEach(code -> services.computeIfPresent(code, (ignored, service) -> withDistributors(
                        service, plus(service.distributorIds(), distributor.distributorId()))));
            }
        }

        private void removeDistributor() {
            if (live() && !distributors.isEmpty()) {
                String removed = new ArrayList<>(distributors).get(random.nextInt(distributors.size()));
                distributors.remove(removed);
                events.add(new DistributorRemoved(id, removed, today, null));
                services.replaceAll((ignored, service) -> withDistributors(service,
                        minus(service.distributorIds(), removed)));
            }
        }

        private void items() {
            if (!items.isEmpty() && live() && random.nextBoolean()) {
                var previous = new ArrayList<>(items.values()).get(random.nextInt(items.size()));
                items.remove(previous.serialNumber());
                if (changeable() && random.nextBoolean()) {
                    var item = newItem();
                    items.put(item.serialNumber(), item);
                    events.add(new InstalledItemSwapped(id, previous, item, today, null));
                } else {
                    events.add(new InstalledItemRemoved(id, previous, today, null));
                }
            } else if (changeable()) {
                var item = newItem();
                items.put(item.serialNumber(), item);
                events.add(new InstalledItemAdded(id, item, today, null));
            }
        }

        private void amendTerms() {
            if (changeable()) {
                events.add(new BillingTermsAmended(id, terms(), today, null));
            }
        }

        private void directive() {
            String code = anyService();
            if (live() && code != null) {
                var directive = BillingDirective.values()[random.nextInt(BillingDirective.values().length)];
                events.add(new BillingDirectiveSet(id, code, directive, "why not", today, null));
            }
        }

        private void lifeCycle() {
            if (state == DRAFT) {
                // as the aggregate does: the draft's services billed from the activation date
                List<SubscriptionService> activated = services.values().stream().map(service ->
                        new SubscriptionService(service.productCode(), service.components(),
                                laterOf(service.effectiveDate()), laterOf(service.billablePeriodStartDate()),
                                laterOf(service.billingEffectiveDate()), service.distributorIds())).toList();
                events.add(new SubscriptionActivated(id, today, activated, null));
                state = EFFECTIVE;
                stays.clear();
                services.clear();
                activated.forEach(this::serviceOn);
            } else if (state == EFFECTIVE) {
                events.add(new SubscriptionDeactivated(id, today, null));
                state = DEACTIVATED;
            } else if (state == DEACTIVATED) {
                events.add(new SubscriptionReactivated(id, today, null));
                state = EFFECTIVE;
            }
        }

        private void usage() {
            String related = anyService();
            if (state == EFFECTIVE && related != null) {
                String recordId = "r-" + events.size();
                Money amount = money();
                var recorded = new UsageRecorded(id, "acc-" + id, recordId, "CALLS", "CALLS-2026", related,
                        today.atTime(random.nextInt(24), random.nextInt(60)), amount,
                        new RatingLine("base", 1, amount, amount), today, null);
                events.add(recorded);
                unbilledUsage.put(recordId, recorded);
                if (random.nextInt(5) == 0) {
                    events.add(new UsageBillingDue(id, "acc-" + id, UsageBillingReason.RECORD_THRESHOLD, amount,
                            unbilledUsage.size(), null));
                }
            }
        }

        private void oneOffCharge() {
            if (state == EFFECTIVE) {
                String chargeId = "c-" + events.size();
                events.add(new OneOffChargeAdded(id, chargeId, "DECODER", 1 + random.nextInt(3), today,
                        "installation", null));
                unbilledCharges.add(chargeId);
            }
        }

        private void bill() {
            boolean everEffective = state != DRAFT;
            if (!everEffective) {
                return;
            }
            List<ServiceCharged> charged = new ArrayList<>();
            for (Stay stay : stays) {
                if (random.nextBoolean()) {
                    LocalDate through = stay.endsOn()[0] != null && random.nextBoolean() ? stay.endsOn()[0]
                            : today.plusMonths(1);
                    charged.add(new ServiceCharged(stay.productCode(), stay.billableFrom(), through,
                            random.nextInt(4) == 0 ? null : money()));
                }
            }
            List<String> usage = some(unbilledUsage.keySet());
            List<String> charges = some(unbilledCharges);
            // what the bill writer records with them: the billed records' tallies per day of use
            var usageByDay = UsageTally.byDay(usage.stream().map(unbilledUsage::get).toList());
            usage.forEach(unbilledUsage::remove);
            charges.forEach(unbilledCharges::remove);
            String billId = "bill-" + events.size();
            List<DiscountApplied> applied = new ArrayList<>();
            if (random.nextInt(3) == 0) {
                applied.add(new DiscountApplied(id, "auto:D-" + random.nextInt(2), "D-" + random.nextInt(2), billId,
                        today, today.plusMonths(1), money(), 1 + random.nextInt(3), List.of("1 GOLD"), List.of("subscription type GOLD-TV"), null));
            }
            // a bill of revision 2 carries its applications inside; one of revision 1 has them as events after it
            boolean inside = random.nextBoolean();
            events.add(new SubscriptionBilled(id, "acc-" + id, billId, billId, null, today,
                    random.nextInt(4) == 0 ? null : today.plusMonths(1), today.plusMonths(1), charged, usage, charges,
                    null, inside ? applied.stream().map(DiscountApplication::of).toList() : List.of(), usageByDay));
            if (!inside) {
                events.addAll(applied);
            }
        }

        private void terminate() {
            if (live()) {
                events.add(new SubscriptionTerminated(id, "acc-" + id, today, null, null));
                state = TERMINATED;
                stays.forEach(stay -> {
                    if (stay.endsOn()[0] == null || today.isBefore(stay.endsOn()[0])) {
                        stay.endsOn()[0] = today;
                    }
                });
            }
        }

        private List<String> some(Set<String> ids) {
            return ids.stream().filter(ignored -> random.nextInt(3) > 0).toList();
        }

        private void serviceOn(SubscriptionService service) {
            services.put(service.productCode(), service);
            LocalDate from = service.billablePeriodStartDate() != null ? service.billablePeriodStartDate()
                    : service.effectiveDate();
            stays.add(new Stay(service.productCode(), from, new LocalDate[1]));
        }

        private void serviceOff(String code) {
            services.remove(code);
            stays.stream().filter(stay -> stay.productCode().equals(code) && stay.endsOn()[0] == null)
                    .forEach(stay -> stay.endsOn()[0] = today);
        }

        private String anyService() {
            if (services.isEmpty()) {
                return null;
            }
            return new ArrayList<>(services.keySet()).get(random.nextInt(services.size()));
        }

        private SubscriptionService newService(String code) {
            Set<String> on = new LinkedHashSet<>();
            distributors.forEach(distributor -> {
                if (random.nextBoolean()) {
                    on.add(distributor);
                }
            });
            LocalDate billableFrom = random.nextBoolean() ? null : today.plusDays(random.nextInt(3));
            LocalDate billingEffective = random.nextBoolean() ? null : today.plusDays(random.nextInt(10));
            return new SubscriptionService(code, random.nextBoolean() ? List.of() : List.of(code + "-PART"), today,
                    billableFrom, billingEffective, on);
        }

        private Distributor newDistributor() {
            var distributor = new Distributor("box-" + ++serial, "NAGRA");
            distributors.add(distributor.distributorId());
            return distributor;
        }

        private InstalledItem newItem() {
            return new InstalledItem("SN-" + ++serial, "DECODER");
        }

        private BillingTerms terms() {
            var frequency = BillingFrequency.values()[random.nextInt(BillingFrequency.values().length)];
            return new BillingTerms(SCHEMES[random.nextInt(SCHEMES.length)], "STANDARD", frequency, today, today,
                    today.plusMonths(12), random.nextBoolean() ? null : money(), null);
        }

        private Money money() {
            return Money.of(BigDecimal.valueOf(1 + random.nextInt(10_000), 2), EUR);
        }

        private LocalDate laterOf(LocalDate date) {
            return date == null || date.isBefore(today) ? today : date;
        }

        private static SubscriptionService withDistributors(SubscriptionService service, Set<String> ids) {
            return new SubscriptionService(service.productCode(), service.components(), service.effectiveDate(),
                    service.billablePeriodStartDate(), service.billingEffectiveDate(), ids);
        }

        private static Set<String> plus(Set<String> ids, String id) {
            var result = new LinkedHashSet<>(ids);
            result.add(id);
            return result;
        }

        private static Set<String> minus(Set<String> ids, String id) {
            var result = new LinkedHashSet<>(ids);
            result.remove(id);
            return result;
        }
    }
}
