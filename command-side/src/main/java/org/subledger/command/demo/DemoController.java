package org.subledger.command.demo;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.subledger.command.catalog.SampleCatalog;
import org.subledger.command.catalog.SampleDiscounts;
import org.subledger.kernel.account.ChangeClassification;
import org.subledger.kernel.catalog.DiscountValue;
import org.subledger.kernel.discount.AddDiscount;
import org.subledger.kernel.discount.ApproveDiscount;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.job.ActivityServiceTime;
import org.subledger.kernel.job.AddJobActivity;
import org.subledger.kernel.job.AddJobExpense;
import org.subledger.kernel.job.AddJobGood;
import org.subledger.kernel.job.AssignJob;
import org.subledger.kernel.job.CompleteJob;
import org.subledger.kernel.job.CreateJob;
import org.subledger.kernel.job.JobActivity;
import org.subledger.kernel.job.JobExpense;
import org.subledger.kernel.job.JobGood;
import org.subledger.kernel.job.StartJob;
import org.subledger.kernel.job.SubscriptionRequest;
import org.subledger.kernel.account.ContactDetails;
import org.subledger.kernel.account.CustomerType;
import org.subledger.kernel.account.OpenAccount;
import org.subledger.kernel.account.PersonDetails;
import org.subledger.kernel.billing.StartBillRun;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.subscription.BecomeSubscriber;
import org.subledger.kernel.subscription.BillingTerms;
import org.subledger.kernel.subscription.ConcurrentUsage;
import org.subledger.kernel.subscription.Distributor;
import org.subledger.kernel.subscription.SubscriptionService;
import org.subledger.kernel.subscription.SubscriptionState;
import org.subledger.kernel.usage.AddOneOffCharge;
import org.subledger.kernel.usage.RecordUsage;
import org.subledger.kernel.usage.UsageRecord;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The demo: loads the sample catalog, then creates five customers of the demo operator with subscriptions that show
 * the billing engine's features (maturity pricing, distributor quantities, an annual plan, public use billed at a
 * share of its concurrent uses and in arrears, usage at time-of-day rates, a prepaid subscription billed as it is
 * used, hardware sold as one-off charges), all started two months ago, and runs a bill run for today; then an
 * installation job for a sixth customer, billed on completion, that orders a Gold subscription. Every call creates
 * new customers; the answer lists where to look.
 */
@RestController
@RequestMapping("/api/demo")
@Tag(name = "Demo")
class DemoController {

    private static final Currency EUR = Currency.getInstance("EUR");
    /**
     * The demo's customers belong to Customer Service, whoever loads them (an administrator, of its own unit): the
     * call-centre agents, and Billing & Finance which collaborates with it, then see and serve them.
     */
    private static final String DEMO_UNIT = "CUSTOMER-SERVICE";

    private final CommandGateway commands;
    private final SampleCatalog sampleCatalog;
    private final Clock clock;

    DemoController(CommandGateway commands, SampleCatalog sampleCatalog, Clock clock) {
        this.commands = commands;
        this.sampleCatalog = sampleCatalog;
        this.clock = clock;
    }

    record Customer(String name, String accountId, String subscriptionId, String what, String bills,
                    String balance) {
    }

    /** The demo's installation job: billed on completion, and the subscription it ordered created then. */
    record InstallationJob(String name, String accountId, String jobId, String subscriptionId, String what,
                           String job, String subscription) {
    }

    record Demo(LocalDate billingDate, String billRun, List<Customer> customers, InstallationJob installationJob) {
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Load the sample catalog, create five demo customers with subscriptions and run a bill run")
    Demo run() {
        sampleCatalog.load();
        LocalDate today = LocalDate.now(clock);
        LocalDate start = today.withDayOfMonth(1).minusMonths(2);
        List<Customer> customers = new ArrayList<>();

        customers.add(customer("Maria Georgiou", "GOLD", "RESIDENTIAL", BillingFrequency.MONTHLY, null, start,
                "Gold (free for 3 months, then 20.00) and Eurosport 1 on two decoders, monthly in advance",
                service("GOLD", "STB-1"), service("EUROSPORT-1", "STB-1", "STB-2")));

        var andreas = customer("Andreas Ioannou", "GOLD", "RESIDENTIAL", BillingFrequency.ANNUAL, null, start,
                "Platinum, billed a year in advance, and two movies at time-of-day rates (3.00 in the evening, "
                        + "2.00 at night); a LOYAL customer, so the auto-apply loyalty discounts take 10 % (level 1) "
                        + "and then 20 % of what remains (level 2) off the package",
                service("PLATINUM", "STB-1"), service("PPV-MOVIES", "STB-1"));
        customers.add(andreas);
        commands.sendAndWait(new ChangeClassification(andreas.accountId(), "LOYAL"));
        commands.sendAndWait(new RecordUsage(andreas.subscriptionId(), List.of(
                new UsageRecord("demo-" + UUID.randomUUID(), "BRAVEHEART", start.plusDays(3).atTime(21, 30)),
                new UsageRecord("demo-" + UUID.randomUUID(), "SERENDIPITY", start.plusDays(4).atTime(2, 15)))));

        customers.add(customer("Kafe Nikos", "GOLD", "CORPORATE", BillingFrequency.MONTHLY,
                new ConcurrentUsage(5, new BigDecimal("30")), start,
                "Public use in a cafe: Platinum on 5 screens at 30 %, billed monthly in arrears",
                service("PLATINUM", "STB-1")));

        var elena = customer("Elena Pavlou", "GOLD-PREPAID", "PREPAID", BillingFrequency.MONTHLY, null, start,
                "Prepaid: every movie is billed at once", service("PPV-MOVIES", "STB-1"));
        customers.add(elena);
        commands.sendAndWait(new RecordUsage(elena.subscriptionId(), List.of(
                new UsageRecord("demo-" + UUID.randomUUID(), "LIMITLESS", start.plusDays(10).atTime(20, 0)))));

        var petros = customer("Petros Demetriou", "GOLD", "RESIDENTIAL", BillingFrequency.MONTHLY, null, start,
                "Platinum, with two decoders and an antenna sold in the shop on the first bill, and a goodwill"
                        + " credit of 10.00 a month (an ad hoc discount, approved) for a missed installation visit",
                service("PLATINUM", "STB-1"));
        customers.add(petros);
        // an ad hoc discount needs approval: the demo's caller (an administrator, a super user) gives it
        String goodwill = "demo-" + UUID.randomUUID();
        commands.sendAndWait(new AddDiscount(petros.subscriptionId(), goodwill, SampleDiscounts.GOODWILL_CREDIT,
                DiscountValue.amount(Money.of("10.00", "EUR")), start, "Installation visit missed"));
        commands.sendAndWait(new ApproveDiscount(petros.subscriptionId(), goodwill, start));
        commands.sendAndWait(new AddOneOffCharge(petros.subscriptionId(), "demo-" + UUID.randomUUID(),
                "DECODER", 2, start, "Two HD decoders"));
        commands.sendAndWait(new AddOneOffCharge(petros.subscriptionId(), "demo-" + UUID.randomUUID(),
                "ANTENNA", 1, start, "Satellite antenna"));

        String runId = UUID.randomUUID().toString();
        // the demo bills its own customers, not whatever else the ledger holds
        commands.sendAndWait(new StartBillRun(runId, today, null, null,
                customers.stream().map(Customer::accountId).toList()));
        return new Demo(today, "/api/bill-runs/" + runId, customers, installationJob(today));
    }

    /**
     * A new customer's installation: a decoder, the installation fee and two and a half hours of installation,
     * completed today and billed at once; the Gold subscription it orders is a draft, activated when the customer's
     * box is registered (so today's bill run, started before, has nothing of it to bill).
     */
    private InstallationJob installationJob(LocalDate today) {
        String accountId = openAccount("Sofia Constantinou");
        String jobId = UUID.randomUUID().toString();
        String subscriptionId = UUID.randomUUID().toString();
        commands.sendAndWait(new CreateJob(jobId, accountId, "INSTALLATION", "RESIDENTIAL", null, today, DEMO_UNIT,
                new SubscriptionRequest(subscriptionId, "GOLD", new BillingTerms("RESIDENTIAL", null,
                        BillingFrequency.MONTHLY, null, null, null, null, null), List.of(),
                        List.of(service("GOLD")))));
        commands.sendAndWait(new AssignJob(jobId, "INSTALLER-FASTFIT", "demo"));
        commands.sendAndWait(new StartJob(jobId, "technician on site"));
        commands.sendAndWait(new AddJobGood(jobId, new JobGood("decoder", "DECODER", "DEMO-" + UUID.randomUUID(), 1)));
        commands.sendAndWait(new AddJobExpense(jobId, new JobExpense("fee", "INSTALLATION-FEE")));
        commands.sendAndWait(new AddJobActivity(jobId, new JobActivity("install", "INSTALL",
                List.of(new ActivityServiceTime("INSTALLATION", 150)))));
        commands.sendAndWait(new CompleteJob(jobId, today, "installed"));
        return new InstallationJob("Sofia Constantinou", accountId, jobId, subscriptionId,
                "An installation by FastFit: decoder 10.00, installation fee 80.00, 2.5 hours of installation 50.00",
                "/api/jobs/" + jobId, "/api/subscriptions/" + subscriptionId);
    }

    private String openAccount(String name) {
        String accountId = UUID.randomUUID().toString();
        String[] names = name.split(" ", 2);
        commands.sendAndWait(new OpenAccount(accountId, CustomerType.PERSON,
                new PersonDetails(names[0], names[1], null),
                null, new ContactDetails(null, null, "Limassol, Cyprus"), EUR, new BigDecimal("1000.00"), null, null,
                "demo", DEMO_UNIT));
        return accountId;
    }

    private Customer customer(String name, String type, String scheme, BillingFrequency frequency,
                              ConcurrentUsage concurrentUsage, LocalDate start, String what,
                              SubscriptionService... services) {
        String accountId = openAccount(name);
        String subscriptionId = UUID.randomUUID().toString();
        var distributors = new ArrayList<Distributor>();
        for (SubscriptionService service : services) {
            service.distributorIds().forEach(id -> {
                if (distributors.stream().noneMatch(known -> known.distributorId().equals(id))) {
                    distributors.add(new Distributor(id, "NAGRA"));
                }
            });
        }
        commands.sendAndWait(new BecomeSubscriber(subscriptionId, accountId, type,
                new BillingTerms(scheme, null, frequency, null, null, null, null, concurrentUsage),
                null, null, SubscriptionState.EFFECTIVE, distributors, List.of(services), List.of(), start, null,
                DEMO_UNIT));
        return new Customer(name, accountId, subscriptionId, what, "/api/accounts/" + accountId + "/bills",
                "/api/accounts/" + accountId);
    }

    private static SubscriptionService service(String productCode, String... distributors) {
        return new SubscriptionService(productCode, List.of(), null, null, null, Set.of(distributors));
    }
}
