package org.subledger.command.charging;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the event-based billing policies (see {@link EventChargingProperties}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventChargingProperties.class)
class EventChargingConfiguration {
}
