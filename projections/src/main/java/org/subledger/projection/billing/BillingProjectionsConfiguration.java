package org.subledger.projection.billing;

import org.springframework.context.annotation.Configuration;

/**
 * Processing settings of the billing read models. They share one processing group, {@value #PROCESSING_GROUP}: a bill
 * run's counts are kept from the bills and failures the same batch writes, so they must be written together. Its
 * dead-letter queue and that queue's sequence identifier cache come from the platform, like every group's
 * ({@code LedgerEventProcessingModule}).
 */
@Configuration(proxyBeanMethods = false)
class BillingProjectionsConfiguration {

    static final String PROCESSING_GROUP = "billing-projections";
}
