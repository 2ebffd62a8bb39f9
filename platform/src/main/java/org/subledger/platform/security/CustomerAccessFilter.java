package org.subledger.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;
import org.subledger.kernel.access.AccessScope;
import org.subledger.kernel.billing.query.BillDetails;
import org.subledger.kernel.billing.query.FindBill;
import org.subledger.kernel.error.ErrorCode;
import org.subledger.kernel.subscription.query.FindSubscription;
import org.subledger.kernel.subscription.query.SubscriptionSummary;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a customer login may do: read its own account(s) — the account and its balance, statement, bills,
 * subscriptions and their services — and nothing else. Another customer's record answers 404 {@code NOT_FOUND}, as a
 * missing one does, so its existence is not revealed; every other request is refused with 403. A rule of its own,
 * deliberately independent of the staff's owned-by filtering in the queries: both must hold.
 * <p>Runs after Spring's authorization (which already refuses a customer every command by role), for requests of
 * a customer only: one with the {@code CUSTOMER} role or a scope naming customer accounts.
 */
class CustomerAccessFilter extends OncePerRequestFilter {

    private static final Pattern ACCOUNT = Pattern.compile("/api/accounts/([^/]+)(/statement|/bills|/subscriptions)?");
    private static final Pattern OVERVIEW = Pattern.compile("/api/customers/([^/]+)/overview");
    private static final Pattern BILL = Pattern.compile("/api/bills/([^/]+)");
    private static final Pattern SUBSCRIPTION =
            Pattern.compile("/api/subscriptions/([^/]+)(/services|/installed-items|/unbilled-usage)?");
    private static final String WHO_AM_I = "/api/me";

    private final ObjectProvider<QueryGateway> queries;
    private final ObjectMapper json;
    private final UrlPathHelper paths = new UrlPathHelper();

    CustomerAccessFilter(ObjectProvider<QueryGateway> queries, ObjectMapper json) {
        this.queries = queries;
        this.json = json;
    }

    static boolean isCustomer(Authentication authentication) {
        if (authentication == null) {
            return false;
        }
        boolean role = authentication.getAuthorities().stream()
                .anyMatch(authority -> ("ROLE_" + CustomerPrincipal.ROLE).equals(authority.getAuthority()));
        return role || AccessScopes.of(authentication).isCustomer();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!isCustomer(authentication)) {
            chain.doFilter(request, response);
            return;
        }
        String path = paths.getPathWithinApplication(request);
        switch (decide(request.getMethod(), path, AccessScopes.of(authentication))) {
            case ALLOWED -> chain.doFilter(request, response);
            case NOT_FOUND -> LedgerSecurityAutoConfiguration.writeProblem(json, request, response,
                    HttpStatus.NOT_FOUND, ErrorCode.NOT_FOUND.name(), "No such record.");
            case FORBIDDEN -> LedgerSecurityAutoConfiguration.writeProblem(json, request, response,
                    HttpStatus.FORBIDDEN, ErrorCode.ACCESS_DENIED.name(),
                    "A customer login reads its own accounts only.");
        }
    }

    enum Decision { ALLOWED, NOT_FOUND, FORBIDDEN }

    /**
     * A read of one of the customer's own accounts is allowed; a read of any other record (or of one that does not
     * exist) is not found; anything else is forbidden. Bills and subscriptions are looked up on the query side for
     * the account they belong to.
     */
    Decision decide(String method, String path, AccessScope scope) {
        if (!"GET".equals(method)) {
            return Decision.FORBIDDEN;
        }
        if (WHO_AM_I.equals(path) || path.equals("/actuator/health") || path.startsWith("/actuator/health/")) {
            return Decision.ALLOWED;
        }
        Optional<String> account;
        Matcher matcher;
        if ((matcher = ACCOUNT.matcher(path)).matches() || (matcher = OVERVIEW.matcher(path)).matches()) {
            account = Optional.of(matcher.group(1));
        } else if ((matcher = BILL.matcher(path)).matches()) {
            account = queries.getObject().query(new FindBill(matcher.group(1)),
                    ResponseTypes.optionalInstanceOf(BillDetails.class)).join().map(bill -> bill.bill().accountId());
        } else if ((matcher = SUBSCRIPTION.matcher(path)).matches()) {
            account = queries.getObject().query(new FindSubscription(matcher.group(1)),
                    ResponseTypes.optionalInstanceOf(SubscriptionSummary.class)).join()
                    .map(SubscriptionSummary::accountId);
        } else {
            return Decision.FORBIDDEN;
        }
        return account.filter(scope.customerAccounts()::contains).isPresent() ? Decision.ALLOWED
                : Decision.NOT_FOUND;
    }
}
