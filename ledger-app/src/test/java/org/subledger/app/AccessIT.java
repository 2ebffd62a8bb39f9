package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.app.AccountsIT.assertProblem;
import static org.subledger.app.ScopedUsers.AUDITOR;
import static org.subledger.app.ScopedUsers.BILLING_AGENT;
import static org.subledger.app.ScopedUsers.COLLABORATING_AGENT;
import static org.subledger.app.ScopedUsers.INSTALLER;
import static org.subledger.app.ScopedUsers.SALES_AGENT;
import static org.subledger.app.ScopedUsers.SERVICE_AGENT;
import static org.subledger.app.ScopedUsers.SUPER_USER;

/**
 * Owned-by units over HTTP, with users of given units ({@link ScopedUsers}): a record owned by a unit the user is
 * not of (nor collaborates with) answers 404 exactly like an unknown one, is left out of lists and the overview,
 * cannot be changed (nothing recorded), and every such refusal is in the auditors' trail; super users and auditors
 * see everything; restricted price plans are refused to other units.
 */
class AccessIT extends LedgerIT {

    @BeforeEach
    void sampleCatalog() {
        loadSampleCatalog();
    }

    @Test
    void aCustomerServiceAgentCannotSeeOrChangeAnAccountOwnedBySalesUntilItsUnitCollaborates() {
        String accountId = openAs(SALES_AGENT, "Sofia", "Sales", null);
        JsonNode account = awaitAccount(SALES_AGENT, accountId);
        assertThat(account.get("owningUnit").asText()).isEqualTo("SALES");

        // exactly the answer of an unknown account: its existence is not revealed
        var refused = assertProblem(api.get(SERVICE_AGENT, "/api/accounts/" + accountId), 404, "ACCOUNT_NOT_FOUND",
                null);
        String unknown = UUID.randomUUID().toString();
        var missing = assertProblem(api.get(SERVICE_AGENT, "/api/accounts/" + unknown), 404, "ACCOUNT_NOT_FOUND",
                null);
        assertThat(refused.json().get("detail").asText().replace(accountId, "ID"))
                .isEqualTo(missing.json().get("detail").asText().replace(unknown, "ID"));
        assertProblem(api.get(SERVICE_AGENT, "/api/customers/" + accountId + "/overview"), 404, "ACCOUNT_NOT_FOUND",
                null);
        assertProblem(api.get(SERVICE_AGENT, "/api/accounts/" + accountId + "/statement"), 404, "ACCOUNT_NOT_FOUND",
                null);
        assertProblem(api.get(SERVICE_AGENT, "/api/accounts/" + accountId + "/bills"), 404, "ACCOUNT_NOT_FOUND",
                null);
        assertThat(listedAccounts(SERVICE_AGENT)).doesNotContain(accountId);
        assertThat(listedAccounts(SALES_AGENT)).contains(accountId);

        long before = eventCount(accountId);
        var charge = assertProblem(api.post(SERVICE_AGENT, "/api/accounts/" + accountId + "/charges",
                "{\"amount\":10.00,\"description\":\"not yours\"}"), 404, "ACCOUNT_NOT_FOUND", null);
        var chargeUnknown = assertProblem(api.post(SERVICE_AGENT, "/api/accounts/" + unknown + "/charges",
                "{\"amount\":10.00,\"description\":\"nobody's\"}"), 404, "ACCOUNT_NOT_FOUND", null);
        assertThat(charge.json().get("detail").asText().replace(accountId, "ID"))
                .isEqualTo(chargeUnknown.json().get("detail").asText().replace(unknown, "ID"));
        assertThat(recordedBy(charge)).isZero();
        assertThat(eventCount(accountId)).isEqualTo(before);

        // a Customer Service agent whose unit collaborates with Sales sees and serves it
        assertThat(api.get(COLLABORATING_AGENT, "/api/accounts/" + accountId).status()).isEqualTo(200);
        assertThat(listedAccounts(COLLABORATING_AGENT)).contains(accountId);
        var served = api.post(COLLABORATING_AGENT, "/api/accounts/" + accountId + "/charges",
                "{\"amount\":10.00,\"description\":\"collaboration\"}");
        assertThat(served.status()).as(served.toString()).isEqualTo(201);
        assertThat(recordedBy(served)).isPositive();

        // every refusal is in the audit trail, for auditors
        JsonNode refusals = api.get("auditor", "/api/audit/access-refusals?size=500").json().get("content");
        List<String> trail = new ArrayList<>();
        refusals.forEach(row -> trail.add(row.get("principal").asText() + " " + row.get("method").asText() + " "
                + row.get("recordType").asText() + " " + row.get("recordId").asText() + " "
                + row.get("actingUnit").asText()));
        assertThat(trail).contains(SERVICE_AGENT + " GET account " + accountId + " CUSTOMER-SERVICE",
                SERVICE_AGENT + " POST account " + accountId + " CUSTOMER-SERVICE");
        assertThat(trail).noneMatch(line -> line.contains(unknown));
        assertThat(api.get(SERVICE_AGENT, "/api/audit/access-refusals").status()).isEqualTo(403);
    }

    @Test
    void superUsersAndAuditorsSeeEverythingAndASuperUserOpensForAnotherUnit() {
        String accountId = openAs(SALES_AGENT, "Stella", "Sales", null);
        awaitAccount(SALES_AGENT, accountId);

        assertThat(api.get(SUPER_USER, "/api/accounts/" + accountId).status()).isEqualTo(200);
        assertThat(api.get(AUDITOR, "/api/accounts/" + accountId).status()).isEqualTo(200);
        assertThat(api.get(AUDITOR, "/api/customers/" + accountId + "/overview").status()).isEqualTo(200);
        assertThat(api.get(AUDITOR, "/api/audit/accounts/" + accountId + "/events").status()).isEqualTo(200);
        assertThat(listedAccounts(SUPER_USER)).contains(accountId);
        assertThat(listedAccounts(AUDITOR)).contains(accountId);

        String forService = openAs(SUPER_USER, "Sam", "Service", "CUSTOMER-SERVICE");
        assertThat(awaitAccount(SERVICE_AGENT, forService).get("owningUnit").asText()).isEqualTo("CUSTOMER-SERVICE");
        // an agent may not give its account to a unit it does not act for
        assertProblem(api.post(SALES_AGENT, "/api/accounts", openJson("Sly", "Sales", "CUSTOMER-SERVICE")), 400,
                "VALIDATION_FAILED", "owningUnit");
    }

    @Test
    void anInstallerCompanysUserSeesOnlyWhatItsCompanyOwns() {
        String own = openAs(INSTALLER, "Fiona", "Fastfit", null);
        String sales = openAs(SALES_AGENT, "Saul", "Sales", null);
        awaitAccount(INSTALLER, own);
        awaitAccount(SALES_AGENT, sales);

        assertProblem(api.get(INSTALLER, "/api/accounts/" + sales), 404, "ACCOUNT_NOT_FOUND", null);
        assertProblem(api.get(SALES_AGENT, "/api/accounts/" + own), 404, "ACCOUNT_NOT_FOUND", null);
        List<JsonNode> listed = listed(INSTALLER);
        assertThat(listed).extracting(row -> row.get("accountId").asText()).contains(own).doesNotContain(sales);
        // records of no unit (opened before units existed) are open to staff; nothing of another unit is listed
        assertThat(listed).allSatisfy(row -> assertThat(!row.hasNonNull("owningUnit")
                || row.get("owningUnit").asText().equals("INSTALLER-FASTFIT")).as(row.toString()).isTrue());
    }

    @Test
    void aSubscriptionOwnedBySalesIsHiddenFromCustomerServiceAndCannotBeChanged() {
        String accountId = openAs(SALES_AGENT, "Sergios", "Sales", null);
        awaitAccount(SALES_AGENT, accountId);
        var created = api.post(SALES_AGENT, "/api/subscriptions", draftJson(accountId, "GOLD", "RESIDENTIAL", null));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("subscriptionId").asText();
        JsonNode subscription = Await.until("the subscription on the read side",
                () -> api.get(SALES_AGENT, "/api/subscriptions/" + id), response -> response.status() == 200).json();
        assertThat(subscription.get("owningUnit").asText()).isEqualTo("SALES");

        assertProblem(api.get(SERVICE_AGENT, "/api/subscriptions/" + id), 404, "SUBSCRIPTION_NOT_FOUND", null);
        assertProblem(api.get(SERVICE_AGENT, "/api/subscriptions/" + id + "/services"), 404,
                "SUBSCRIPTION_NOT_FOUND", null);
        long before = eventCount(id);
        var added = assertProblem(api.post(SERVICE_AGENT, "/api/subscriptions/" + id + "/services",
                "{\"productCode\":\"EUROSPORT-1\",\"actionDate\":\"2026-02-02\"}"), 404, "SUBSCRIPTION_NOT_FOUND",
                null);
        assertThat(recordedBy(added)).isZero();
        // nor scheduled for later, when it would run as the ledger's own work
        var scheduled = assertProblem(api.post(SERVICE_AGENT, "/api/subscriptions/" + id + "/services",
                "{\"productCode\":\"EUROSPORT-1\",\"executeOn\":\"2099-01-01\"}"), 404, "SUBSCRIPTION_NOT_FOUND",
                null);
        assertThat(recordedBy(scheduled)).isZero();
        assertThat(eventCount(id)).isEqualTo(before);
        assertProblem(api.post(SERVICE_AGENT, "/api/subscriptions/" + id + "/bill-preview", "{}"), 404,
                "SUBSCRIPTION_NOT_FOUND", null);
        assertProblem(api.get(SERVICE_AGENT, "/api/accounts/" + accountId + "/bill-preview"), 404,
                "ACCOUNT_NOT_FOUND", null);
        assertProblem(api.get(SERVICE_AGENT, "/api/accounts/" + accountId + "/receivables/subscriptions"), 404,
                "ACCOUNT_NOT_FOUND", null);
        // an action Sales scheduled on it: unknown to Customer Service, read and cancelled by Sales
        var salesSchedule = api.post(SALES_AGENT, "/api/subscriptions/" + id + "/services",
                "{\"productCode\":\"EUROSPORT-1\",\"executeOn\":\"2099-01-01\"}");
        assertThat(salesSchedule.status()).as(salesSchedule.toString()).isEqualTo(202);
        String action = salesSchedule.header("Location").substring(salesSchedule.header("Location").lastIndexOf('/') + 1);
        assertProblem(api.get(SERVICE_AGENT, "/api/scheduled-actions/" + action), 404, "SCHEDULED_ACTION_NOT_FOUND",
                null);
        long actionEvents = eventCount(action);
        var cancelRefused = assertProblem(api.post(SERVICE_AGENT, "/api/scheduled-actions/" + action + "/cancel",
                null), 404, "SCHEDULED_ACTION_NOT_FOUND", null);
        assertThat(recordedBy(cancelRefused)).isZero();
        assertThat(eventCount(action)).isEqualTo(actionEvents);
        assertThat(api.get(AUDITOR, "/api/scheduled-actions/" + action).status()).isEqualTo(200);
        assertThat(api.post(SALES_AGENT, "/api/scheduled-actions/" + action + "/cancel", null).json()
                .get("status").asText()).isEqualTo("CANCELLED");
        assertThat(api.post(SALES_AGENT, "/api/subscriptions/" + id + "/bill-preview", "{}").status())
                .isEqualTo(200);
        assertThat(api.get(SALES_AGENT, "/api/accounts/" + accountId + "/bill-preview").status()).isEqualTo(200);

        JsonNode overview = Await.until("the overview with the subscription", () -> api.get(COLLABORATING_AGENT,
                "/api/customers/" + accountId + "/overview"), response -> response.status() == 200
                && response.json().path("subscriptions").size() == 1).json();
        assertThat(overview.get("subscriptions").get(0).get("subscription").get("subscriptionId").asText())
                .isEqualTo(id);
        assertThat(api.get(SUPER_USER, "/api/subscriptions/" + id).status()).isEqualTo(200);
    }

    @Test
    void aPricePlanRestrictedToBillingAndFinanceIsRefusedToASalesAgentWithNothingRecorded() {
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String plan = "FIN-" + suffix;
        String scheme = "FIN-" + suffix;
        String type = "FIN-TV-" + suffix;
        assertThat(api.post("admin", "/api/catalog/price-plans", """
                {"code":"%s","name":"Finance only","kind":"BASE","basePlanCode":null,"currency":"EUR",
                 "selectConditions":[],"applyConditions":[],"allowedOrganisationalUnits":["BILLING-FINANCE"]}"""
                .formatted(plan)).status()).isEqualTo(201);
        assertThat(api.post("admin", "/api/catalog/billing-term-schemes", """
                {"code":"%s","name":"Finance terms","billingFrequencies":["MONTHLY"],"bindingPeriodMonths":12,
                 "allowedPricePlans":["STANDARD","%s"],"defaultPricePlan":"STANDARD","flexiblePricing":true,
                 "overrideCreditLimitRules":false,"termedServiceTiming":"IN_ADVANCE","maxUnbilledUsageAmount":null,
                 "maxUnbilledUsageRecords":null,"prepaid":false}""".formatted(scheme, plan)).status())
                .isEqualTo(201);
        assertThat(api.post("admin", "/api/catalog/subscription-types", """
                {"code":"%s","name":"Finance TV","allowedBillingTermSchemes":["%s"],"allowedProviders":["NAGRA"],
                 "allowedProducts":["GOLD"]}""".formatted(type, scheme)).status()).isEqualTo(201);

        String salesAccount = openAs(SALES_AGENT, "Simos", "Sales", null);
        var refused = assertProblem(api.post(SALES_AGENT, "/api/subscriptions",
                draftJson(salesAccount, type, scheme, plan)), 422, "CATALOG_ENTRY_NOT_ALLOWED", "pricePlanCode");
        assertThat(refused.json().get("detail").asText()).contains(plan);
        assertThat(recordedBy(refused)).isZero();
        // the plan left out, the scheme's default (open to all) is selected
        assertThat(api.post(SALES_AGENT, "/api/subscriptions", draftJson(salesAccount, type, scheme, null)).status())
                .isEqualTo(201);

        String financeAccount = openAs(BILLING_AGENT, "Fani", "Finance", null);
        var selected = api.post(BILLING_AGENT, "/api/subscriptions", draftJson(financeAccount, type, scheme, plan));
        assertThat(selected.status()).as(selected.toString()).isEqualTo(201);
    }

    private String openAs(String user, String firstName, String lastName, String owningUnit) {
        var response = api.post(user, "/api/accounts", openJson(firstName, lastName, owningUnit));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("accountId").asText();
    }

    private static String openJson(String firstName, String lastName, String owningUnit) {
        return """
                {"type":"PERSON","firstName":"%s","lastName":"%s","currency":"EUR","creditLimit":500.00%s}"""
                .formatted(firstName, lastName, owningUnit == null ? "" : ",\"owningUnit\":\"" + owningUnit + "\"");
    }

    private static String draftJson(String accountId, String type, String scheme, String plan) {
        return """
                {"accountId":"%s","subscriptionTypeCode":"%s",
                 "billingTerms":{"scheme":"%s","billingFrequency":"MONTHLY"%s},
                 "initialState":"DRAFT","actionDate":"2026-02-01","services":[{"productCode":"GOLD"}]}"""
                .formatted(accountId, type, scheme, plan == null ? "" : ",\"pricePlan\":\"" + plan + "\"");
    }

    private JsonNode awaitAccount(String user, String accountId) {
        return Await.until("account " + accountId + " on the read side", () -> api.get(user,
                "/api/accounts/" + accountId), response -> response.status() == 200).json();
    }

    private List<String> listedAccounts(String user) {
        return listed(user).stream().map(row -> row.get("accountId").asText()).toList();
    }

    /** Every account the user is shown, page after page; the total the pages announce is what they hold. */
    private List<JsonNode> listed(String user) {
        List<JsonNode> rows = new ArrayList<>();
        for (int page = 0; ; page++) {
            var response = api.get(user, "/api/accounts?size=500&page=" + page);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            JsonNode content = response.json().get("content");
            content.forEach(rows::add);
            if (content.size() < 500) {
                // accounts opened meanwhile by other tests only add rows: the count is not below what was listed
                assertThat(response.json().get("totalElements").asLong()).isGreaterThanOrEqualTo(rows.size());
                return rows;
            }
        }
    }
}
