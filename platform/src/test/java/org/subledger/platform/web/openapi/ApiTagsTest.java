package org.subledger.platform.web.openapi;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiTagsTest {

    @Test
    void aPathIsTaggedByTheResourceAPersonLooksFor() {
        assertThat(ApiTags.of("/api/accounts/{accountId}/charges")).isEqualTo("Accounts");
        assertThat(ApiTags.of("/api/bill-runs/{runId}")).isEqualTo("Bill runs");
        assertThat(ApiTags.of("/api/accounts/{accountId}/customer-login")).isEqualTo("Customer logins");
        assertThat(ApiTags.of("/api/admin/dead-letters/{id}/retry")).isEqualTo("Dead letters");
        assertThat(ApiTags.of("/api/organisation/users/{userName}")).isEqualTo("Users");
        assertThat(ApiTags.of("/api/me")).isEqualTo("Users");
    }

    @Test
    void aNewResourceIsTaggedByItsFirstSegment() {
        assertThat(ApiTags.of("/api/wallets/{walletId}/top-ups")).isEqualTo("Wallets");
        assertThat(ApiTags.of("/api/collections-runs")).isEqualTo("Collections runs");
    }
}
