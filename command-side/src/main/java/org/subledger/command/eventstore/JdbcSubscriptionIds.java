package org.subledger.command.eventstore;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Lists an account's subscriptions from the billing index: command-side state with one row per subscription ever
 * created, written in the transaction of the subscription's creation (see V3_101, V3_110), so as consistent as the
 * event store and never a projection. Whether a subscription is still live is decided on its own stream.
 */
@Component
class JdbcSubscriptionIds implements SubscriptionIds {

    private final JdbcTemplate jdbc;

    JdbcSubscriptionIds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> ofAccount(String accountId) {
        return jdbc.queryForList("select subscription_id from billing_index where account_id = ?"
                + " order by subscription_id", String.class, accountId);
    }
}
