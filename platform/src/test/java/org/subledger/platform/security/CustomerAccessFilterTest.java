package org.subledger.platform.security;

import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.subledger.kernel.access.AccessScope;
import org.subledger.kernel.billing.query.BillDetails;
import org.subledger.kernel.billing.query.BillSummary;
import org.subledger.kernel.billing.query.FindBill;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.subledger.platform.security.CustomerAccessFilter.Decision.ALLOWED;
import static org.subledger.platform.security.CustomerAccessFilter.Decision.FORBIDDEN;
import static org.subledger.platform.security.CustomerAccessFilter.Decision.NOT_FOUND;

class CustomerAccessFilterTest {

    static final AccessScope MARIA = new CustomerPrincipal(Set.of("acc-maria")).accessScope();

    QueryGateway queries = mock(QueryGateway.class);
    CustomerAccessFilter filter = new CustomerAccessFilter(
            new StaticListableBeanFactory(java.util.Map.of("queries", queries)).getBeanProvider(QueryGateway.class),
            Jackson2ObjectMapperBuilder.json().build());

    @Test
    void aCustomerReadsItsOwnAccountBalanceStatementBillsSubscriptionsAndOverview() {
        for (String path : List.of("/api/accounts/acc-maria", "/api/accounts/acc-maria/statement",
                "/api/accounts/acc-maria/bills", "/api/accounts/acc-maria/subscriptions",
                "/api/customers/acc-maria/overview", "/api/me", "/actuator/health")) {
            assertThat(filter.decide("GET", path, MARIA)).as(path).isEqualTo(ALLOWED);
        }
    }

    @Test
    void anotherCustomersAccountIsNotFound() {
        assertThat(filter.decide("GET", "/api/accounts/acc-andreas", MARIA)).isEqualTo(NOT_FOUND);
        assertThat(filter.decide("GET", "/api/customers/acc-andreas/overview", MARIA)).isEqualTo(NOT_FOUND);
    }

    @Test
    void aBillIsReadByTheCustomerOfItsAccountOnly() {
        answerBill("bill-1", "acc-maria");
        answerBill("bill-2", "acc-andreas");
        when(queries.query(eq(new FindBill("bill-3")), any(org.axonframework.messaging.responsetypes.ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(Optional.empty()));

        assertThat(filter.decide("GET", "/api/bills/bill-1", MARIA)).isEqualTo(ALLOWED);
        assertThat(filter.decide("GET", "/api/bills/bill-2", MARIA)).isEqualTo(NOT_FOUND);
        assertThat(filter.decide("GET", "/api/bills/bill-3", MARIA)).isEqualTo(NOT_FOUND);
    }

    @Test
    void everythingElseIsForbidden() {
        assertThat(filter.decide("POST", "/api/accounts/acc-maria/payments", MARIA)).isEqualTo(FORBIDDEN);
        assertThat(filter.decide("PUT", "/api/accounts/acc-maria/credit-limit", MARIA)).isEqualTo(FORBIDDEN);
        assertThat(filter.decide("HEAD", "/api/accounts/acc-maria", MARIA)).isEqualTo(FORBIDDEN);
        for (String path : List.of("/api/accounts", "/api/audit/accounts/acc-maria/events", "/api/api-keys",
                "/api/catalog/price-plans", "/api/bill-runs/run-1", "/api/accounts/acc-maria/unknown",
                "/api/admin/dead-letters", "/actuator/prometheus", "/v3/api-docs")) {
            assertThat(filter.decide("GET", path, MARIA)).as(path).isEqualTo(FORBIDDEN);
        }
    }

    @SuppressWarnings("unchecked")
    private void answerBill(String billId, String accountId) {
        var summary = new BillSummary(billId, "B-1", accountId, "sub-1", null, null, null, null, null, null, null,
                null, 0, null);
        when(queries.query(eq(new FindBill(billId)), any(org.axonframework.messaging.responsetypes.ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(Optional.of(new BillDetails(summary, List.of()))));
    }
}
