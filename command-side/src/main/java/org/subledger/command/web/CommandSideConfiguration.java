package org.subledger.command.web;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans of the command side. */
@Configuration(proxyBeanMethods = false)
public class CommandSideConfiguration {

    /**
     * Accounts stay in memory between commands ({@code ledger.command.account-cache-size}, 0 switches caching off):
     * loading an account no longer replays its history on every posting.
     */
    @Bean
    public Cache accountCache(@Value("${ledger.command.account-cache-size:10000}") int size) {
        return size > 0 ? new BoundedLruCache(size) : NoCache.INSTANCE;
    }
}
