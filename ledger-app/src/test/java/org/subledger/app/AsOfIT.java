package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.app.AccountsIT.assertProblem;

/**
 * {@code ?asOf=} on the read endpoints of jobs, catalog entries, wallets, collection run definitions and runs, bills,
 * bill runs (one and the list), units, users and scheduled actions, each asked at an instant taken from the recorded
 * events between two changes (the earlier change's own timestamp: as-of includes it, not the later one); before the
 * thing existed it answers its "not yet" code, a bad instant is a 400 problem. And the bill, unit and user trails
 * come paged with the bill, unit or user after each event.
 */
class AsOfIT extends LedgerIT {

    private final String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    @Test
    void aJobAsItStoodBetweenItsOrderAndItsCancellation() {
        String account = api.openAccount("Asof", "Job", "5000.00");
        loadSampleCatalog();
        var job = api.post("agent", "/api/jobs", """
                {"accountId":"%s","jobTypeCode":"REPAIR","billingTermScheme":"RESIDENTIAL",
                 "expectedCompletion":"2026-03-01"}""".formatted(account));
        assertThat(job.status()).as(job.toString()).isEqualTo(201);
        String jobId = job.json().get("jobId").asText();
        assertThat(api.post("agent", "/api/jobs/" + jobId + "/cancel", "{\"reason\":\"not needed\"}").status())
                .isEqualTo(200);
        JsonNode trail = ok(api.get("supervisor", "/api/audit/jobs/" + jobId + "/events")).get("events");
        Instant ordered = between(trail, 0);

        assertThat(ok(api.get("agent", "/api/jobs/" + jobId + "?asOf=" + ordered)).get("state").asText())
                .isEqualTo("PENDING");
        assertThat(ok(api.get("agent", "/api/jobs/" + jobId)).get("state").asText()).isEqualTo("CANCELLED");
        assertProblem(api.get("agent", "/api/jobs/" + jobId + "?asOf=" + ordered.minusMillis(1)), 404,
                "JOB_NOT_YET_CREATED", "asOf");
        assertProblem(api.get("agent", "/api/jobs/" + UUID.randomUUID() + "?asOf=" + ordered), 404,
                "JOB_NOT_FOUND", null);
        assertProblem(api.get("agent", "/api/jobs/" + jobId + "?asOf=%2B999999999-12-31T00:00:00Z"), 400,
                "VALIDATION_FAILED", null);
    }

    @Test
    void aCatalogEntryAsItStoodBetweenItsCreationAndItsAmendment() {
        String provider = "ASOF-" + tag;
        assertThat(api.post("admin", "/api/catalog/providers", """
                {"code":"%s","name":"Before"}""".formatted(provider)).status()).isEqualTo(201);
        var amended = api.put("admin", "/api/catalog/providers/" + provider, """
                {"code":"%s","name":"After"}""".formatted(provider));
        assertThat(amended.status()).as(amended.toString()).isEqualTo(200);
        JsonNode trail = ok(api.get("auditor", "/api/audit/catalog/providers/" + provider + "/events"))
                .get("events");
        Instant created = between(trail, 0);

        JsonNode then = ok(api.get("reporter", "/api/catalog/providers/" + provider + "?asOf=" + created));
        assertThat(then.get("name").asText()).isEqualTo("Before");
        assertThat(then.at("/definition/name").asText()).isEqualTo("Before");
        assertThat(then.get("version").asLong()).isZero();
        JsonNode later = ok(api.get("reporter", "/api/catalog/providers/" + provider + "?asOf="
                + Instant.parse(trail.get(1).get("timestamp").asText())));
        assertThat(later.get("name").asText()).isEqualTo("After");
        assertThat(later.get("version").asLong()).isEqualTo(1);
        assertProblem(api.get("reporter", "/api/catalog/providers/" + provider + "?asOf=" + created.minusMillis(1)),
                404, "CATALOG_ENTRY_NOT_YET_CREATED", "asOf");
        assertProblem(api.get("reporter", "/api/catalog/providers/NO-" + tag + "?asOf=" + created), 404,
                "CATALOG_ENTRY_NOT_FOUND", null);
        assertProblem(api.get("reporter", "/api/catalog/providers/" + provider + "?asOf=soon"), 400,
                "VALIDATION_FAILED", null);
    }

    @Test
    void aPricePlanAsItStoodBeforeAndAfterItsSecondPriceVersion() {
        loadSampleCatalog();
        String plan = "ASOF-" + tag;
        assertThat(api.post("admin", "/api/catalog/price-plans", """
                {"code":"%s","name":"As of plan","kind":"BASE","currency":"EUR"}""".formatted(plan)).status())
                .isEqualTo(201);
        for (String[] version : new String[][] {{"2026-01-01", "20.00"}, {"2026-06-01", "25.00"}}) {
            var rate = api.post("admin", "/api/catalog/price-plans/" + plan + "/rates", """
                    {"productCode": "GOLD", "classification": "TERMED_SERVICE", "effectiveFrom": "%s",
                     "rate": {"model": "FLAT", "basis": "QUANTITY",
                              "baseAmount": {"amount": %s, "currency": "EUR"}, "levels": []}}"""
                    .formatted(version[0], version[1]));
            assertThat(rate.status()).as(rate.toString()).isBetween(200, 201);
        }
        JsonNode trail = ok(api.get("auditor", "/api/audit/catalog/price-plans/" + plan + "/events")).get("events");
        Instant firstVersion = between(trail, 1);

        JsonNode then = ok(api.get("reporter", "/api/catalog/price-plans/" + plan + "?asOf=" + firstVersion));
        assertThat(then.get("name").asText()).isEqualTo("As of plan");
        assertThat(then.get("rates")).hasSize(1);
        assertThat(then.at("/rates/0/effectiveTo").isNull()).isTrue();
        JsonNode now = ok(api.get("reporter", "/api/catalog/price-plans/" + plan + "?asOf="
                + Instant.parse(trail.get(2).get("timestamp").asText())));
        assertThat(now.get("rates")).extracting(rate -> rate.get("version").asInt() + " "
                + rate.get("effectiveFrom").asText() + " " + rate.get("effectiveTo").asText())
                .containsExactly("1 2026-01-01 2026-06-01", "2 2026-06-01 null");
    }

    @Test
    void aWalletAsItStoodBetweenTwoTopUps() {
        String account = api.openAccount("Asof", "Wallet", "100.00");
        String wallet = "/api/accounts/" + account + "/wallet";
        assertThat(api.post("agent", wallet + "/top-ups", "{\"amount\":25.00,\"reference\":\"first\"}").status())
                .isEqualTo(201);
        assertThat(api.post("agent", wallet + "/top-ups", "{\"amount\":5.50}").status()).isEqualTo(201);
        JsonNode now = Await.until("both top-ups on the wallet", () -> api.get("reporter", wallet),
                response -> response.status() == 200 && response.json().path("totalElements").asLong() == 2).json();
        Instant first = Instant.parse(now.at("/movements/1/occurredAt").asText());
        assertThat(Instant.parse(now.at("/movements/0/occurredAt").asText())).isAfter(first);

        JsonNode then = ok(api.get("reporter", wallet + "?asOf=" + first));
        assertThat(Amounts.of(then.get("balance"))).isEqualByComparingTo("25.00");
        assertThat(then.get("totalElements").asLong()).isEqualTo(1);
        assertThat(then.at("/movements/0/kind").asText()).isEqualTo("TOP_UP");
        assertThat(then.at("/movements/0/reference").asText()).isEqualTo("first");
        JsonNode before = ok(api.get("reporter", wallet + "?asOf=" + first.minusMillis(1)));
        assertThat(Amounts.of(before.get("balance"))).isEqualByComparingTo("0.00");
        assertThat(before.get("movements")).isEmpty();
        assertProblem(api.get("reporter", wallet + "?asOf=2000-01-01T00:00:00Z"), 404, "ACCOUNT_NOT_YET_OPENED",
                "asOf");
        assertProblem(api.get("reporter", wallet + "?asOf=%2B999999999-12-31T00:00:00Z"), 400,
                "VALIDATION_FAILED", null);
    }

    @Test
    void aUnitsTrailComesPagedWithTheUnitAfterEachEvent() {
        String unit = "ASOF-" + tag;
        assertThat(api.post("admin", "/api/organisation/units", """
                {"code":"%s","name":"Old name","kind":"GROUP","parent":null}""".formatted(unit)).status())
                .isEqualTo(201);
        var renamed = api.put("admin", "/api/organisation/units/" + unit + "/name", "{\"name\":\"New name\"}");
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);

        JsonNode first = ok(api.get("auditor", "/api/audit/units/" + unit + "/events?page=0&size=1"));
        assertThat(first.get("totalElements").asLong()).isEqualTo(2);
        assertThat(first.get("totalPages").asLong()).isEqualTo(2);
        assertThat(first.at("/events/0/type").asText()).isEqualTo("UnitCreated");
        assertThat(first.at("/events/0/stateAfter/name").asText()).isEqualTo("Old name");
        JsonNode second = ok(api.get("auditor", "/api/audit/units/" + unit + "/events?page=1&size=1"));
        assertThat(second.at("/events/0/type").asText()).isEqualTo("UnitRenamed");
        assertThat(second.at("/events/0/stateAfter/name").asText()).isEqualTo("New name");
        assertThat(second.at("/events/0/stateAfter/kind").asText()).isEqualTo("GROUP");
        assertProblem(api.get("auditor", "/api/audit/units/" + unit + "/events?size=0"), 400, "VALIDATION_FAILED",
                null);

        Instant created = Instant.parse(first.at("/events/0/timestamp").asText());
        Instant renamedAt = Instant.parse(second.at("/events/0/timestamp").asText());
        assertThat(renamedAt).isAfter(created);
        JsonNode then = ok(api.get("reporter", "/api/organisation/units/" + unit + "?asOf=" + created));
        assertThat(then.get("name").asText()).isEqualTo("Old name");
        assertThat(then.get("kind").asText()).isEqualTo("GROUP");
        assertThat(Instant.parse(then.get("updatedAt").asText())).isEqualTo(created);
        assertThat(ok(api.get("reporter", "/api/organisation/units/" + unit + "?asOf=" + renamedAt)).get("name")
                .asText()).isEqualTo("New name");
        assertProblem(api.get("reporter", "/api/organisation/units/" + unit + "?asOf=" + created.minusMillis(1)), 404,
                "UNIT_NOT_YET_CREATED", "asOf");
        assertProblem(api.get("reporter", "/api/organisation/units/NO-" + tag + "?asOf=" + created), 404,
                "UNIT_NOT_FOUND", null);
    }

    @Test
    void aUnitsCollaboratorsAsTheyStoodBeforeACollaborationStarted() {
        String unit = "ASOFC-" + tag;
        String partner = "ASOFP-" + tag;
        for (String code : new String[] {unit, partner}) {
            assertThat(api.post("admin", "/api/organisation/units", """
                    {"code":"%s","name":"Collaborating","kind":"GROUP","parent":null}""".formatted(code)).status())
                    .isEqualTo(201);
        }
        var started = api.post("admin", "/api/organisation/units/" + partner + "/collaborations",
                "{\"with\":\"" + unit + "\"}");
        assertThat(started.status()).as(started.toString()).isBetween(200, 201);
        JsonNode partnerTrail = ok(api.get("auditor", "/api/audit/units/" + partner + "/events")).get("events");
        Instant before = between(partnerTrail, 0);
        Instant collaborating = Instant.parse(partnerTrail.get(1).get("timestamp").asText());

        assertThat(ok(api.get("reporter", "/api/organisation/units/" + unit + "?asOf=" + before))
                .get("collaboratedWithBy")).isEmpty();
        Await.until("the collaboration in the units' read model", () -> api.get("reporter",
                "/api/organisation/units/" + unit).json(), json -> json.path("collaboratedWithBy").size() == 1);
        JsonNode then = ok(api.get("reporter", "/api/organisation/units/" + unit + "?asOf=" + collaborating));
        assertThat(then.get("collaboratedWithBy")).extracting(JsonNode::asText).containsExactly(partner);
        assertThat(ok(api.get("reporter", "/api/organisation/units/" + partner + "?asOf=" + collaborating))
                .get("collaboratesWith")).extracting(JsonNode::asText).containsExactly(unit);
    }

    @Test
    void aUsersTrailShowsTheUserAfterEachEventAndNeverThePassword() {
        String user = "asof" + tag.toLowerCase();
        var created = api.post("admin", "/api/organisation/users", """
                {"userName":"%s","displayName":"As Of","roles":["AGENT"],"units":["CUSTOMER-SERVICE"],
                 "password":"s3cret-pass"}""".formatted(user));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(api.post("admin", "/api/organisation/users/" + user + "/disable", "{}").status()).isEqualTo(200);

        var response = api.get("auditor", "/api/audit/users/" + user + "/events");
        JsonNode events = ok(response).get("events");
        assertThat(events).extracting(event -> event.get("type").asText() + " "
                        + event.at("/stateAfter/enabled").asBoolean() + " " + event.at("/stateAfter/passwordSet").asBoolean())
                .containsExactly("UserCreated true false", "UserPasswordSet true true", "UserDisabled false true");
        assertThat(events.get(0).at("/stateAfter/roles/0").asText()).isEqualTo("AGENT");
        assertThat(response.body()).doesNotContain("s3cret-pass").doesNotContain("$2a$");

        Instant passwordSet = between(events, 1);
        JsonNode then = ok(api.get("reporter", "/api/organisation/users/" + user + "?asOf=" + passwordSet));
        assertThat(then.get("enabled").asBoolean()).isTrue();
        assertThat(then.get("roles")).extracting(JsonNode::asText).containsExactly("AGENT");
        assertThat(then.get("units")).extracting(JsonNode::asText).containsExactly("CUSTOMER-SERVICE");
        assertThat(Instant.parse(then.get("passwordSetAt").asText())).isEqualTo(passwordSet);
        assertThat(Instant.parse(then.get("createdAt").asText()))
                .isEqualTo(Instant.parse(events.get(0).get("timestamp").asText()));
        Instant disabled = Instant.parse(events.get(2).get("timestamp").asText());
        assertThat(ok(api.get("reporter", "/api/organisation/users/" + user + "?asOf=" + disabled)).get("enabled")
                .asBoolean()).isFalse();
        assertThat(then.toString()).doesNotContain("s3cret-pass").doesNotContain("$2a$");
        assertProblem(api.get("reporter", "/api/organisation/users/" + user + "?asOf="
                + Instant.parse(events.get(0).get("timestamp").asText()).minusMillis(1)), 404, "USER_NOT_YET_CREATED",
                "asOf");
        assertProblem(api.get("reporter", "/api/organisation/users/nobody" + tag.toLowerCase() + "?asOf="
                + disabled), 404, "USER_NOT_FOUND", null);
    }

    @Test
    void aBillsTrailComesPagedWithTheBillAfterItsIssue() {
        loadSampleCatalog();
        String type = "ASOF-" + tag;
        assertThat(api.post("admin", "/api/catalog/subscription-types", """
                {"code": "%s", "name": "As of bills", "allowedBillingTermSchemes": ["RESIDENTIAL"],
                 "allowedProviders": ["NAGRA"], "allowedProducts": ["PLATINUM", "START-UP-FEE"]}""".formatted(type))
                .status()).isEqualTo(201);
        String account = api.openAccount("Asof", "Bill", "5000.00");
        var subscribed = api.post("agent", "/api/subscriptions", """
                {"accountId":"%s","subscriptionTypeCode":"%s",
                 "billingTerms":{"scheme":"RESIDENTIAL","billingFrequency":"MONTHLY"},
                 "initialState":"EFFECTIVE","actionDate":"2026-01-01",
                 "distributors":[{"distributorId":"STB-1","providerCode":"NAGRA"}],
                 "services":[{"productCode":"PLATINUM","distributorIds":["STB-1"]}]}""".formatted(account, type));
        assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);
        var run = api.post("billing", "/api/bill-runs", """
                {"billingDate":"2026-01-01","subscriptionTypeCode":"%s"}""".formatted(type));
        assertThat(run.status()).isEqualTo(202);
        String runId = run.json().get("runId").asText();
        // the run's bill (the subscription's start-up fee is a bill of its own, issued on its creation)
        JsonNode listed = Await.until("the run's bill of " + account, () -> BillLists.withoutEventChargeBills(
                api.get("reporter", "/api/accounts/" + account + "/bills").json()),
                json -> json.path("content").size() == 1).at("/content/0");
        String billId = listed.get("billId").asText();

        JsonNode trail = ok(api.get("auditor", "/api/audit/bills/" + billId + "/events?page=0&size=1"));
        assertThat(trail.get("totalElements").asLong()).isEqualTo(1);
        JsonNode issued = trail.at("/events/0");
        assertThat(issued.get("type").asText()).isEqualTo("BillIssued");
        assertThat(issued.get("sequenceNumber").asLong()).isZero();
        assertThat(issued.at("/stateAfter/billNumber").asText()).isEqualTo(listed.get("billNumber").asText());
        assertThat(Amounts.of(issued.at("/stateAfter/total")))
                .isEqualByComparingTo(Amounts.of(listed.get("total")));
        assertProblem(api.get("auditor", "/api/audit/bills/" + account + "/events"), 404, "BILL_NOT_FOUND", null);
        assertProblem(api.get("auditor", "/api/audit/bills/" + billId + "/events?size=501"), 400,
                "VALIDATION_FAILED", null);

        // the bill as of an instant: itself from its issue on (a bill never changes), "not yet" before
        Instant issuedAt = Instant.parse(issued.get("timestamp").asText());
        assertThat(ok(api.get("reporter", "/api/bills/" + billId + "?asOf=" + issuedAt)).get("billNumber").asText())
                .isEqualTo(listed.get("billNumber").asText());
        assertProblem(api.get("reporter", "/api/bills/" + billId + "?asOf=" + issuedAt.minusMillis(1)), 404,
                "BILL_NOT_YET_ISSUED", "asOf");

        // the run that issued it, as it stood when started, after its bill, and completed
        JsonNode completed = Await.until("run " + runId + " completed", () -> api.get("reporter", "/api/bill-runs/"
                + runId), response -> response.status() == 200
                && "COMPLETED".equals(response.json().path("status").asText())).json();
        Instant started = timestampOf(runId, 0);
        Instant completedAt = Instant.parse(completed.get("completedAt").asText());
        assertThat(issuedAt).isAfter(started);
        assertThat(completedAt).isAfter(issuedAt);
        JsonNode atStart = ok(api.get("reporter", "/api/bill-runs/" + runId + "?asOf=" + started));
        assertThat(atStart.get("status").asText()).isEqualTo("STARTED");
        assertThat(atStart.get("billed").asLong()).isZero();
        assertThat(atStart.get("completedAt").isNull()).isTrue();
        assertThat(atStart.get("durationSeconds").asLong()).isZero();
        assertThat(atStart.get("subscriptionTypeCode").asText()).isEqualTo(type);
        assertThat(atStart.get("startedBy").asText()).isEqualTo(completed.get("startedBy").asText());
        JsonNode afterBill = ok(api.get("reporter", "/api/bill-runs/" + runId + "?asOf=" + issuedAt));
        assertThat(afterBill.get("status").asText()).isEqualTo("STARTED");
        assertThat(afterBill.get("billed").asLong()).isEqualTo(1);
        assertThat(afterBill.get("subscriptionsTotal").asLong()).isEqualTo(1);
        JsonNode atEnd = ok(api.get("reporter", "/api/bill-runs/" + runId + "?asOf=" + completedAt));
        assertThat(atEnd).isEqualTo(completed);
        assertProblem(api.get("reporter", "/api/bill-runs/" + runId + "?asOf=" + started.minusMillis(1)), 404,
                "BILL_RUN_NOT_YET_STARTED", "asOf");
        assertProblem(api.get("reporter", "/api/bill-runs/" + UUID.randomUUID() + "?asOf=" + started), 404,
                "BILL_RUN_NOT_FOUND", null);
        // the list as of then: the runs started by then, this one as it stood
        JsonNode runsThen = ok(api.get("reporter", "/api/bill-runs?size=200&asOf=" + started)).get("content");
        assertThat(runsThen).allSatisfy(listedRun -> assertThat(Instant.parse(listedRun.get("startedAt").asText()))
                .isBeforeOrEqualTo(started));
        assertThat(runsThen).filteredOn(listedRun -> runId.equals(listedRun.get("runId").asText()))
                .singleElement().satisfies(listedRun -> assertThat(listedRun).isEqualTo(atStart));
    }

    @Test
    void aCollectionRunAsItStoodBeforeItCompleted() {
        var runs = new CollectionRuns(api, this::loadSampleCatalog);
        String type = runs.newSubscriptionType("ASOF");
        String definitionId = runs.define("""
                {"name":"As of run","kind":"DEACTIVATION",
                 "amountAbove":{"amount":10.00,"currency":"EUR"},"dueDaysAgo":10,
                 "subscriptionTypes":["%s"],"batchSize":10,"pauseBetweenBatches":"PT0S","startAgainAfter":"P1D",
                 "recurrence":{"frequency":"MONTHLY_FIRST_WEEKDAY","at":"04:00","dayOfWeek":"MONDAY"}}"""
                .formatted(type));
        String runId = runs.runNow(definitionId, null);
        JsonNode completed = runs.completed(runId);
        Instant started = timestampOf(runId, 0);
        String path = "/api/collections/runs/" + runId;
        assertThat(timestampOf(runId, 1)).isAfter(started);

        JsonNode then = ok(api.get("reporter", path + "?asOf=" + started));
        assertThat(then.get("status").asText()).isEqualTo("SELECTING");
        assertThat(then.get("matched").isNull()).isTrue();
        assertThat(then.get("definitionId").asText()).isEqualTo(definitionId);
        Long last = jdbc.queryForObject("select max(sequence_number) from domain_event_entry"
                + " where aggregate_identifier = ?", Long.class, runId);
        assertThat(ok(api.get("reporter", path + "?asOf=" + timestampOf(runId, last)))).isEqualTo(completed);
        assertProblem(api.get("reporter", path + "?asOf=" + started.minusMillis(1)), 404,
                "COLLECTION_RUN_NOT_YET_STARTED", "asOf");
        assertProblem(api.get("reporter", "/api/collections/runs/" + UUID.randomUUID() + "?asOf=" + started), 404,
                "COLLECTION_RUN_NOT_FOUND", null);
    }

    @Test
    void aRunDefinitionAsItStoodBeforeItWasActivated() {
        String definitionId = new CollectionRuns(api, this::loadSampleCatalog).define("""
                {"name":"As of deactivation","kind":"DEACTIVATION",
                 "amountAbove":{"amount":10.00,"currency":"EUR"},"dueDaysAgo":10,
                 "subscriptionTypes":["ASOF-%s"],"batchSize":10,"pauseBetweenBatches":"PT0S","startAgainAfter":"P1D",
                 "recurrence":{"frequency":"MONTHLY_FIRST_WEEKDAY","at":"04:00","dayOfWeek":"MONDAY"}}"""
                .formatted(tag));
        String path = "/api/collections/run-definitions/" + definitionId;
        assertThat(api.post("billing", path + "/activate", null).status()).isEqualTo(200);
        Instant created = timestampOf(definitionId, 0);
        assertThat(timestampOf(definitionId, 1)).isAfter(created);

        JsonNode then = ok(api.get("reporter", path + "?asOf=" + created));
        assertThat(then.get("active").asBoolean()).isFalse();
        assertThat(then.at("/settings/name").asText()).isEqualTo("As of deactivation");
        assertThat(ok(api.get("reporter", path + "?asOf=" + timestampOf(definitionId, 1))).get("active").asBoolean())
                .isTrue();
        assertProblem(api.get("reporter", path + "?asOf=" + created.minusMillis(1)), 404,
                "RUN_DEFINITION_NOT_YET_CREATED", "asOf");
        assertProblem(api.get("reporter", "/api/collections/run-definitions/" + UUID.randomUUID() + "?asOf="
                + created), 404, "RUN_DEFINITION_NOT_FOUND", null);
        assertProblem(api.get("reporter", path + "?asOf=%2B999999999-12-31T00:00:00Z"), 400, "VALIDATION_FAILED",
                null);
    }

    @Test
    void aScheduledActionAsItStoodBeforeItWasCancelled() {
        String subscriptionId = ScheduledActionsIT.effectiveSubscription(api);
        var scheduled = api.post("billing", "/api/subscriptions/" + subscriptionId + "/deactivate",
                "{\"executeOn\":\"" + java.time.LocalDate.now(ledgerClock).plusDays(40) + "\"}");
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(202);
        String actionId = scheduled.json().get("scheduledActionId").asText();
        assertThat(api.post("agent", "/api/scheduled-actions/" + actionId + "/cancel", null).status()).isEqualTo(200);
        Instant scheduledAt = timestampOf(actionId, 0);
        assertThat(timestampOf(actionId, 1)).isAfter(scheduledAt);
        String path = "/api/scheduled-actions/" + actionId;

        assertThat(ok(api.get("reporter", path + "?asOf=" + scheduledAt)).get("status").asText())
                .isEqualTo("PENDING");
        assertThat(ok(api.get("reporter", path + "?asOf=" + timestampOf(actionId, 1))).get("status").asText())
                .isEqualTo("CANCELLED");
        assertProblem(api.get("reporter", path + "?asOf=" + scheduledAt.minusMillis(1)), 404,
                "SCHEDULED_ACTION_NOT_YET_SCHEDULED", "asOf");
        assertProblem(api.get("reporter", "/api/scheduled-actions/" + UUID.randomUUID() + "?asOf=" + scheduledAt),
                404, "SCHEDULED_ACTION_NOT_FOUND", null);
    }

    /** When the event with this sequence number of an aggregate was recorded, as the event store holds it. */
    private Instant timestampOf(String aggregateId, long sequenceNumber) {
        return Instant.parse(jdbc.queryForObject("""
                select time_stamp from domain_event_entry where aggregate_identifier = ? and sequence_number = ?""",
                String.class, aggregateId, sequenceNumber));
    }

    /** The timestamp of event {@code index}, checked to lie before the next one's: an instant between two changes. */
    private static Instant between(JsonNode trail, int index) {
        Instant at = Instant.parse(trail.get(index).get("timestamp").asText());
        assertThat(Instant.parse(trail.get(index + 1).get("timestamp").asText())).isAfter(at);
        return at;
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
