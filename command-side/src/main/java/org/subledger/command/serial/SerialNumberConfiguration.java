package org.subledger.command.serial;

import org.axonframework.config.Configurer;

/**
 * Registers the serial-number aggregate and {@link SerialNumbers} with a plain Axon configuration (Spring finds them
 * by their annotations): for tests and tools that run the subscription aggregate on a real repository.
 */
public final class SerialNumberConfiguration {

    private SerialNumberConfiguration() {
    }

    public static Configurer registerWith(Configurer configurer) {
        return configurer.configureAggregate(SerialNumber.class)
                .registerComponent(SerialNumbers.class,
                        config -> new RepositorySerialNumbers(config.repository(SerialNumber.class)));
    }
}
