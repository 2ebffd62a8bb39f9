package org.subledger.command.process;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds how sagas retry a technical failure (see {@link SagaRetryProperties}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SagaRetryProperties.class)
class ProcessConfiguration {
}
