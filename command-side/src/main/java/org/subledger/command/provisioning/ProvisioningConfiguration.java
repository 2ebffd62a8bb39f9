package org.subledger.command.provisioning;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.subledger.command.process.SagaFailureContract;
import org.subledger.command.process.SagaRetryProperties;

/** Gives the provisioning saga's group the sagas' failure contract. */
@Configuration(proxyBeanMethods = false)
class ProvisioningConfiguration {

    @Bean
    ConfigurerModule provisioningFailureContract(SagaRetryProperties retries) {
        return SagaFailureContract.of(ProvisioningSaga.PROCESS, retries);
    }
}
