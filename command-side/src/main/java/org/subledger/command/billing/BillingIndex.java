package org.subledger.command.billing;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.subledger.kernel.catalog.BillingFrequency;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code billing_index} table: per subscription, when a bill run is next to look at it. Written in the
 * transaction of the events that change it, so it is as consistent as the event store; a bill run only selects its
 * candidates here and decides on each subscription's own stream.
 */
@Repository
class BillingIndex {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    BillingIndex(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void created(String subscriptionId, String accountId, String typeCode, BillingFrequency frequency,
                 LocalDate nextBillingDate) {
        jdbc.update("""
                insert into billing_index (subscription_id, account_id, subscription_type_code, billing_frequency,
                                           next_billing_date, updated_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (subscription_id) do update set account_id = excluded.account_id,
                    subscription_type_code = excluded.subscription_type_code,
                    billing_frequency = excluded.billing_frequency, next_billing_date = excluded.next_billing_date,
                    updated_at = excluded.updated_at""",
                subscriptionId, accountId, typeCode, frequency == null ? null : frequency.name(),
                date(nextBillingDate), now());
    }

    void frequency(String subscriptionId, BillingFrequency frequency) {
        jdbc.update("update billing_index set billing_frequency = ?, updated_at = ? where subscription_id = ?",
                frequency == null ? null : frequency.name(), now(), subscriptionId);
    }

    /**
     * Due on {@code date} at the latest (something to bill appeared on it). A row already due by then is not written:
     * usage arrives a thousand records a batch, and rewriting the row for each took its lock on the hot path, where
     * it deadlocked with bill writers locking the same rows in another order.
     */
    void dueBy(String subscriptionId, LocalDate date) {
        jdbc.update("""
                update billing_index set next_billing_date = ?, updated_at = ?
                where subscription_id = ? and (next_billing_date is null or next_billing_date > ?)""",
                date(date), now(), subscriptionId, date(date));
    }

    /**
     * Each subscription due by its date at the latest (as {@link #dueBy(String, LocalDate)}), in one statement: a
     * mediation batch's subscriptions, one round trip instead of one each. Rows are locked in subscription id order,
     * the order batches lock their subscriptions in.
     */
    void dueBy(Map<String, LocalDate> dates) {
        if (dates.isEmpty()) {
            return;
        }
        var sorted = new TreeMap<>(dates);
        Object[] ids = sorted.keySet().toArray();
        // as text, which the statement casts: PgJDBC writes an array of java.sql.Date through the deprecated calendar
        // getters of each one
        Object[] dueDates = sorted.values().stream().map(LocalDate::toString).toArray(String[]::new);
        Timestamp now = now();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    update billing_index as i set next_billing_date = d.due_by, updated_at = ?
                    from unnest(?::varchar[], ?::date[]) as d (subscription_id, due_by)
                    where i.subscription_id = d.subscription_id
                    and (i.next_billing_date is null or i.next_billing_date > d.due_by)""");
            statement.setTimestamp(1, now);
            statement.setArray(2, connection.createArrayOf("varchar", ids));
            statement.setArray(3, connection.createArrayOf("date", dueDates));
            return statement;
        });
    }

    /** Due exactly on the given dates (null: not due), after billing; one statement for them all. */
    void nextBillingDates(List<NextDate> dates) {
        if (dates.isEmpty()) {
            return;
        }
        Object[] ids = new Object[dates.size()];
        Object[] nextDates = new Object[dates.size()];
        for (int i = 0; i < dates.size(); i++) {
            ids[i] = dates.get(i).subscriptionId();
            nextDates[i] = date(dates.get(i).nextBillingDate());
        }
        Timestamp now = now();
        // a segment's rows in one statement (arrays) rather than a batch of single-row updates: one plan, one
        // round trip, a fraction of the server's work per row
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    update billing_index as i set next_billing_date = d.next_billing_date, updated_at = ?
                    from unnest(?::varchar[], ?::date[]) as d (subscription_id, next_billing_date)
                    where i.subscription_id = d.subscription_id""");
            statement.setTimestamp(1, now);
            statement.setArray(2, connection.createArrayOf("varchar", ids));
            statement.setArray(3, connection.createArrayOf("date", nextDates));
            return statement;
        });
    }

    /**
     * The account's subscriptions a bill run on {@code billingDate} would select (due on or before it, of any
     * frequency and type), in subscription id order: the order a run puts them on the account's bill.
     */
    List<String> dueOf(String accountId, LocalDate billingDate) {
        return jdbc.queryForList("""
                select subscription_id from billing_index where account_id = ? and next_billing_date <= ?
                order by subscription_id""", String.class, accountId, date(billingDate));
    }

    /** The earliest date a bill run would next look at one of the account's subscriptions; null when none is due. */
    LocalDate nextBillingDateOf(String accountId) {
        Date next = jdbc.queryForObject("select min(next_billing_date) from billing_index where account_id = ?",
                Date.class, accountId);
        return next == null ? null : next.toLocalDate();
    }

    record NextDate(String subscriptionId, LocalDate nextBillingDate) {
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
