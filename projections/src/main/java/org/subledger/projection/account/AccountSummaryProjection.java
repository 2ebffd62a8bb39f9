package org.subledger.projection.account;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.subledger.kernel.account.AccountClassificationChanged;
import org.subledger.kernel.account.AccountClosed;
import org.subledger.kernel.account.AccountOpened;
import org.subledger.kernel.account.AccountPosting;
import org.subledger.kernel.account.CreditLimitAmended;
import org.subledger.kernel.account.CreditRatingChanged;
import org.subledger.projection.support.UnitOfWorkBuffer;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Builds {@code account_summary}: one row per account with its customer, credit limit, balance and settlement
 * status. The events of a batch are folded per account ({@link PendingSummary}) and written with one statement per
 * account, in one JDBC batch, just before the processor commits the batch and its token.
 */
@Component
@ProcessingGroup(AccountSummaryProjection.PROCESSING_GROUP)
class AccountSummaryProjection {

    static final String PROCESSING_GROUP = "account-summary";

    private final AccountSummaryWriter writer;
    private final UnitOfWorkBuffer<Map<String, PendingSummary>> pending;

    AccountSummaryProjection(JdbcTemplate jdbc) {
        this.writer = new AccountSummaryWriter(jdbc);
        this.pending = new UnitOfWorkBuffer<>("account-summary.pending-rows", LinkedHashMap::new,
                rows -> writer.write(rows.values()));
    }

    @EventHandler
    void on(AccountOpened event, @SequenceNumber long sequenceNumber, @Timestamp Instant openedAt) {
        fold(event.accountId(), row -> row.opened(event, sequenceNumber, openedAt));
    }

    @EventHandler
    void on(CreditLimitAmended event, @SequenceNumber long sequenceNumber) {
        fold(event.accountId(), row -> row.creditLimitAmended(event.creditLimit(), sequenceNumber));
    }

    @EventHandler
    void on(CreditRatingChanged event, @SequenceNumber long sequenceNumber) {
        fold(event.accountId(), row -> row.creditRatingChanged(event.creditRating(), sequenceNumber));
    }

    @EventHandler
    void on(AccountClassificationChanged event, @SequenceNumber long sequenceNumber) {
        fold(event.accountId(), row -> row.classificationChanged(event.classification(), sequenceNumber));
    }

    @EventHandler
    void on(AccountPosting posting, @SequenceNumber long sequenceNumber, @Timestamp Instant postedAt) {
        fold(posting.accountId(), row -> row.posted(posting, sequenceNumber, postedAt));
    }

    @EventHandler
    void on(AccountClosed event, @SequenceNumber long sequenceNumber) {
        fold(event.accountId(), row -> row.closed(sequenceNumber));
    }

    @ResetHandler
    void reset() {
        writer.clear();
    }

    private void fold(String accountId, Consumer<PendingSummary> change) {
        pending.add(rows -> change.accept(rows.computeIfAbsent(accountId, PendingSummary::new)));
    }
}
