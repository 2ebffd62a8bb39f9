package org.subledger.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The open items under a bill run (issue 14): a bill's {@code BillIssued} (its own stream) and its {@code BillPosted}
 * (the account's) write the same {@code receivable_open_item} row. Sequenced per aggregate they were handled by two
 * segments, and under bill runs PostgreSQL aborted one of the two transactions as a deadlock, which Axon logged as a
 * failed batch and retried. Sequenced per account, one segment writes every row of an account: a bill run over
 * several accounts, each with a bill of two sections, is projected without a single failed batch of the group.
 */
class OpenItemsUnderBillRunIT extends LedgerIT {

    private static final int ACCOUNTS = 12;

    /** WARN and above of Axon's work packages, where a failed batch of a pooled processor is logged. */
    static final class FailedBatches extends AppenderBase<ILoggingEvent> {
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());

        @Override
        protected void append(ILoggingEvent event) {
            String message = event.getFormattedMessage();
            if (message != null && message.contains("[receivable-open-items]")) {
                failures.add(message + " " + causes(event.getThrowableProxy()));
            }
        }

        private static String causes(IThrowableProxy throwable) {
            StringBuilder text = new StringBuilder();
            for (IThrowableProxy cause = throwable; cause != null; cause = cause.getCause()) {
                text.append(" <- ").append(cause.getClassName()).append(": ").append(cause.getMessage());
            }
            return text.toString();
        }
    }

    @Test
    void aBillRunOverSeveralAccountsIsProjectedIntoTheOpenItemsWithoutADeadlockOrARetry() {
        var collections = new CollectionRuns(api, this::loadSampleCatalog);
        String scheme = collections.schemeBillingPerAccount("OIB");
        String type = collections.newSubscriptionType("OIB", scheme);
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            String accountId = api.openAccount("Open", "Items " + i, "5000.00");
            subscribe(accountId, type, scheme);
            subscribe(accountId, type, scheme);
            accounts.add(accountId);
        }
        Logger workPackages = (Logger) LoggerFactory.getLogger("org.axonframework.eventhandling.pooled");
        var failedBatches = new FailedBatches();
        failedBatches.start();
        workPackages.addAppender(failedBatches);
        try {
            JsonRun run = new JsonRun(BillRuns.runToCompletion(api, """
                    {"billingDate":"2026-01-01","subscriptionTypeCode":"%s"}""".formatted(type)));
            assertThat(run.billed()).isEqualTo(2L * ACCOUNTS);
            List<String> billIds = jdbc.queryForList("""
                    select aggregate_identifier from domain_event_entry
                    where type = 'Bill' and payload_type like '%.BillIssued' and payload::jsonb ->> 'runId' = ?""",
                    String.class, run.runId());
            assertThat(billIds).hasSize(ACCOUNTS);
            // every bill's item and both its sections (one transaction of the group writes them)
            Await.until("the run's bills as open items with two sections each", () -> jdbc.queryForObject("""
                    select count(*) from receivable_open_item o
                    join receivable_open_item_section s on s.account_id = o.account_id and s.item_id = o.item_id
                    where o.item_id = any(?) and o.posting_id = 'bill:' || o.item_id and s.open_amount > 0
                      and o.open_amount = o.amount""", Long.class, (Object) billIds.toArray(String[]::new)),
                    count -> count == 2L * ACCOUNTS);
        } finally {
            workPackages.detachAppender(failedBatches);
            failedBatches.stop();
        }
        assertThat(failedBatches.failures).as("failed batches of receivable-open-items").isEmpty();
    }

    private record JsonRun(com.fasterxml.jackson.databind.JsonNode json) {
        long billed() {
            return json.get("billed").asLong();
        }

        String runId() {
            return json.get("runId").asText();
        }
    }

    private void subscribe(String accountId, String type, String scheme) {
        var created = api.post("agent", "/api/subscriptions", """
                {"accountId":"%s","subscriptionTypeCode":"%s",
                 "billingTerms":{"scheme":"%s","billingFrequency":"MONTHLY"},
                 "initialState":"EFFECTIVE","actionDate":"2026-01-01",
                 "distributors":[{"distributorId":"STB-1","providerCode":"NAGRA"}],
                 "services":[{"productCode":"PLATINUM","distributorIds":["STB-1"]}]}"""
                .formatted(accountId, type, scheme));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }
}
