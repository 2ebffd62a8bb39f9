package org.subledger.query.subscription;

import org.junit.jupiter.api.Test;
import org.subledger.kernel.catalog.BillingFrequency;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.subscription.BehaviourCode;
import org.subledger.kernel.subscription.BillingTerms;
import org.subledger.kernel.subscription.BillingTermsAmended;
import org.subledger.kernel.subscription.Distributor;
import org.subledger.kernel.subscription.InstalledItem;
import org.subledger.kernel.subscription.InstalledItemAdded;
import org.subledger.kernel.subscription.SubscriptionAction;
import org.subledger.kernel.subscription.SubscriptionActivated;
import org.subledger.kernel.subscription.SubscriptionCreated;
import org.subledger.kernel.subscription.SubscriptionDeactivated;
import org.subledger.kernel.subscription.SubscriptionReactivated;
import org.subledger.kernel.subscription.SubscriptionService;
import org.subledger.kernel.subscription.SubscriptionState;
import org.subledger.kernel.subscription.SubscriptionTerminated;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionAsOfFolderTest {

    private static final String ID = "5b0e7c1e-0000-4000-8000-000000000001";
    private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);
    private static final LocalDate MARCH_10 = LocalDate.of(2026, 3, 10);
    private static final BillingTerms TERMS = new BillingTerms("RESIDENTIAL", "STANDARD", BillingFrequency.MONTHLY,
            MARCH_1, MARCH_1, MARCH_1.plusMonths(12), Money.of("50.00", "EUR"), null);

    private final SubscriptionAsOfFolder folder = new SubscriptionAsOfFolder();

    @Test
    void knowsNoSubscriptionBeforeItsCreation() {
        assertThat(folder.summary()).isEmpty();
        assertThat(folder.apply(new SubscriptionActivated(ID, MARCH_10, List.of(), action(BehaviourCode.ACTIVATE)),
                1).summary()).isEmpty();
    }

    @Test
    void aDraftIsNotActivatedUntilItsActivation() {
        var draft = folder.apply(created(SubscriptionState.DRAFT), 0).summary().orElseThrow();

        assertThat(draft.subscriptionId()).isEqualTo(ID);
        assertThat(draft.accountId()).isEqualTo("ACC-1");
        assertThat(draft.subscriptionTypeCode()).isEqualTo("GOLD");
        assertThat(draft.state()).isEqualTo(SubscriptionState.DRAFT);
        assertThat(draft.billingTerms()).isEqualTo(TERMS);
        assertThat(draft.createdOn()).isEqualTo(MARCH_1);
        assertThat(draft.activatedOn()).isNull();
        assertThat(draft.version()).isZero();

        var effective = folder.apply(new InstalledItemAdded(ID, new InstalledItem("SN-1", "DECODER"), MARCH_10,
                        action(BehaviourCode.ADD_INSTALLED_ITEM)), 1)
                .apply(new SubscriptionActivated(ID, MARCH_10, List.of(), action(BehaviourCode.ACTIVATE)), 2)
                .summary().orElseThrow();
        assertThat(effective.state()).isEqualTo(SubscriptionState.EFFECTIVE);
        assertThat(effective.activatedOn()).isEqualTo(MARCH_10);
        assertThat(effective.version()).isEqualTo(2);
    }

    @Test
    void aShopSaleIsActivatedOnItsCreationDate() {
        var sold = folder.apply(created(SubscriptionState.EFFECTIVE), 0).summary().orElseThrow();

        assertThat(sold.state()).isEqualTo(SubscriptionState.EFFECTIVE);
        assertThat(sold.activatedOn()).isEqualTo(MARCH_1);
    }

    @Test
    void followsDeactivationReactivationTermsAndTermination() {
        var amended = new BillingTerms("RESIDENTIAL", "VIP", BillingFrequency.ANNUAL, MARCH_10, MARCH_10,
                MARCH_10.plusMonths(12), null, null);
        folder.apply(created(SubscriptionState.EFFECTIVE), 0)
                .apply(new SubscriptionDeactivated(ID, MARCH_10, action(BehaviourCode.DEACTIVATE)), 1);
        assertThat(folder.summary().orElseThrow().deactivatedOn()).isEqualTo(MARCH_10);
        assertThat(folder.summary().orElseThrow().state()).isEqualTo(SubscriptionState.DEACTIVATED);

        var terminated = folder
                .apply(new SubscriptionReactivated(ID, MARCH_10.plusDays(1), action(BehaviourCode.REACTIVATE)), 2)
                .apply(new BillingTermsAmended(ID, amended, MARCH_10.plusDays(2),
                        action(BehaviourCode.AMEND_BILLING_TERMS)), 3)
                .apply(new SubscriptionTerminated(ID, "ACC-1", MARCH_10.plusDays(3), null,
                        action(BehaviourCode.TERMINATE)), 4)
                .summary().orElseThrow();
        assertThat(terminated.state()).isEqualTo(SubscriptionState.TERMINATED);
        assertThat(terminated.billingTerms()).isEqualTo(amended);
        assertThat(terminated.deactivatedOn()).isNull();
        assertThat(terminated.terminatedOn()).isEqualTo(MARCH_10.plusDays(3));
        assertThat(terminated.version()).isEqualTo(4);
    }

    @Test
    void ignoresAnEventNotNewerThanTheLastOneApplied() {
        folder.apply(created(SubscriptionState.DRAFT), 0)
                .apply(new SubscriptionActivated(ID, MARCH_10, List.of(), action(BehaviourCode.ACTIVATE)), 1)
                .apply(new SubscriptionDeactivated(ID, MARCH_10, action(BehaviourCode.DEACTIVATE)), 1);

        assertThat(folder.summary().orElseThrow().state()).isEqualTo(SubscriptionState.EFFECTIVE);
    }

    private static SubscriptionCreated created(SubscriptionState state) {
        var service = new SubscriptionService("GOLD", List.of(), MARCH_1, MARCH_1, MARCH_1, Set.of("STB-1"));
        return new SubscriptionCreated(ID, "ACC-1", "GOLD", state, TERMS, "Nicosia", "Nicosia",
                List.of(new Distributor("STB-1", "NAGRA")), List.of(service), List.of(), MARCH_1,
                action(BehaviourCode.BECOME_SUBSCRIBER));
    }

    private static SubscriptionAction action(BehaviourCode code) {
        return SubscriptionAction.of(code, null);
    }
}
