package org.subledger.platform.db;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.TransactionManager;

import javax.sql.DataSource;

/**
 * The ledger's one transaction manager (Spring's, and through it Axon's): {@link
 * FailedTransactionRefusingTransactionManager}, so no commit of a transaction PostgreSQL aborted is reported as a
 * success.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class, before = DataSourceTransactionManagerAutoConfiguration.class)
public class PostgresTransactionsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(TransactionManager.class)
    @ConditionalOnSingleCandidate(DataSource.class)
    public FailedTransactionRefusingTransactionManager transactionManager(
            DataSource dataSource, ObjectProvider<TransactionManagerCustomizers> customizers) {
        var transactionManager = new FailedTransactionRefusingTransactionManager(dataSource);
        customizers.ifAvailable(all -> all.customize(transactionManager));
        return transactionManager;
    }
}
