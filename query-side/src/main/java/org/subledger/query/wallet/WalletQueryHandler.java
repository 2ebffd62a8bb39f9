package org.subledger.query.wallet;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.subledger.kernel.money.Money;
import org.subledger.kernel.wallet.FindWallet;
import org.subledger.kernel.wallet.WalletIds;
import org.subledger.kernel.wallet.WalletPage;

import java.util.Currency;
import java.util.List;
import java.util.Optional;

/** Answers {@link FindWallet} from {@code wallet_movement}: the last movement's balance and a page, newest first. */
@Component
class WalletQueryHandler {

    /** The largest page of movements any caller gets. */
    static final int MAX_PAGE_SIZE = 500;

    private static final RowMapper<WalletPage.Line> LINE = (rs, row) -> {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        return new WalletPage.Line(rs.getLong("sequence_number"), rs.getString("kind"),
                rs.getObject("occurred_at", java.time.OffsetDateTime.class).toInstant(),
                Money.of(rs.getBigDecimal("amount"), currency), Money.of(rs.getBigDecimal("balance_after"), currency),
                rs.getString("reference"), rs.getString("subscription_id"));
    };

    private final NamedParameterJdbcTemplate jdbc;

    WalletQueryHandler(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Optional<WalletPage> handle(FindWallet query) {
        int page = Math.max(query.page(), 0);
        int size = Math.min(Math.max(query.size(), 1), MAX_PAGE_SIZE);
        String walletId = WalletIds.of(query.accountId());
        var parameters = new MapSqlParameterSource("walletId", walletId).addValue("limit", size)
                .addValue("offset", (long) page * size);
        List<WalletPage.Line> lines = jdbc.query("""
                select sequence_number, kind, occurred_at, amount, balance_after, currency, reference, subscription_id
                from wallet_movement where wallet_id = :walletId
                order by sequence_number desc limit :limit offset :offset""", parameters, LINE);
        List<WalletPage.Line> last = page == 0 ? lines : jdbc.query("""
                select sequence_number, kind, occurred_at, amount, balance_after, currency, reference, subscription_id
                from wallet_movement where wallet_id = :walletId
                order by sequence_number desc limit 1""", parameters, LINE);
        if (last.isEmpty()) {
            return Optional.empty();
        }
        Long total = jdbc.queryForObject("select count(*) from wallet_movement where wallet_id = :walletId",
                parameters, Long.class);
        return Optional.of(new WalletPage(query.accountId(), walletId, last.get(0).balanceAfter(), lines, page, size,
                total == null ? 0 : total));
    }
}
