package org.subledger.command.charging;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.subledger.kernel.subscription.BehaviourCode;

import static org.assertj.core.api.Assertions.assertThat;

/** Event charge rules are bound from {@code ledger.charging.rules[n].*}; none configured: the start-up fee. */
class EventChargingPropertiesTest {

    final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(EventChargingConfiguration.class);

    @Test
    void withoutConfigurationTheStartUpFeeIsChargedOnSubscriptionCreation() {
        context.run(spring -> assertThat(spring.getBean(EventChargingProperties.class).rules())
                .containsExactly(EventChargeRule.startUpFee()));
    }

    @Test
    void rulesAreReadFromProperties() {
        context.withPropertyValues("ledger.charging.rules[0].trigger=SWAP_INSTALLED_ITEM",
                        "ledger.charging.rules[0].product=INSTALL-KIT",
                        "ledger.charging.rules[0].price-plan=STANDARD",
                        "ledger.charging.rules[1].trigger=BECOME_SUBSCRIBER",
                        "ledger.charging.rules[1].product=START-UP-FEE",
                        "ledger.charging.rules[1].recurrence=ONCE_PER_SUBSCRIPTION")
                .run(spring -> assertThat(spring.getBean(EventChargingProperties.class).rules()).containsExactly(
                        new EventChargeRule("SWAP_INSTALLED_ITEM:INSTALL-KIT", BehaviourCode.SWAP_INSTALLED_ITEM,
                                "INSTALL-KIT", "STANDARD", ChargeRecurrence.EVERY_TIME),
                        new EventChargeRule("BECOME_SUBSCRIBER:START-UP-FEE", BehaviourCode.BECOME_SUBSCRIBER,
                                "START-UP-FEE", null, ChargeRecurrence.ONCE_PER_SUBSCRIPTION)));
    }
}
