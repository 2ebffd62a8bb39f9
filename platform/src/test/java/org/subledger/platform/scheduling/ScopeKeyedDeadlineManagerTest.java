package org.subledger.platform.scheduling;

import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.modelling.saga.SagaScopeDescriptor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The scope key: the same for the same deadline name and scope, different otherwise, of the indexed length. */
class ScopeKeyedDeadlineManagerTest {

    @Test
    void theKeyIsOneNameWithinOneScope() {
        String key = ScopeKeyedDeadlineManager.key("provisioning-timeout",
                new AggregateScopeDescriptor("ProvisioningRequest", "provisioning:s-1:0:NAGRA:STB-1:GOLD"));

        assertThat(key).hasSize(32).matches("[0-9a-f]{32}");
        assertThat(ScopeKeyedDeadlineManager.KEY_PREFIX.length() + key.length() + 1)
                .isEqualTo(ScopeKeyedDeadlineManager.KEYED_PREFIX_LENGTH).isEqualTo(36);
        assertThat(ScopeKeyedDeadlineManager.key("provisioning-timeout",
                new AggregateScopeDescriptor("ProvisioningRequest", () -> "provisioning:s-1:0:NAGRA:STB-1:GOLD")))
                .as("the same scope, its identifier supplied lazily").isEqualTo(key);
        assertThat(ScopeKeyedDeadlineManager.key("provisioning-retry",
                new AggregateScopeDescriptor("ProvisioningRequest", "provisioning:s-1:0:NAGRA:STB-1:GOLD")))
                .as("another deadline name").isNotEqualTo(key);
        assertThat(ScopeKeyedDeadlineManager.key("provisioning-timeout",
                new AggregateScopeDescriptor("ProvisioningRequest", "provisioning:s-1:0:NAGRA:STB-2:GOLD")))
                .as("another aggregate").isNotEqualTo(key);
        assertThat(ScopeKeyedDeadlineManager.key("provisioning-timeout",
                new AggregateScopeDescriptor("ScheduledAction", "provisioning:s-1:0:NAGRA:STB-1:GOLD")))
                .as("another aggregate type").isNotEqualTo(key);
        assertThat(ScopeKeyedDeadlineManager.key("provisioning-timeout",
                new SagaScopeDescriptor("ProvisioningRequest", "provisioning:s-1:0:NAGRA:STB-1:GOLD")))
                .as("a saga of the same type and id").isNotEqualTo(key);
    }

    @Test
    void aScopeOtherThanAnAggregateOrASagaHasNoKey() {
        ScopeDescriptor other = () -> "some other scope";
        assertThat(ScopeKeyedDeadlineManager.key("any", other)).isNull();
    }
}
