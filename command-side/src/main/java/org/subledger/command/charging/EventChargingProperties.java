package org.subledger.command.charging;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * The event-based billing policies, from {@code ledger.charging.rules[n].trigger / product / price-plan / recurrence
 * / name}. Left out entirely: the start-up fee on subscription creation; an empty list switches charging off.
 */
@ConfigurationProperties("ledger.charging")
record EventChargingProperties(List<EventChargeRule> rules) {

    EventChargingProperties {
        rules = rules == null ? List.of(EventChargeRule.startUpFee()) : List.copyOf(rules);
        long names = rules.stream().map(EventChargeRule::name).distinct().count();
        if (names != rules.size()) {
            throw new IllegalArgumentException("event charge rules need distinct names (they key posting ids)");
        }
    }
}
