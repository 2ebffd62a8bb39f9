package org.subledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.subledger.kernel.metadata.LedgerMetadata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.app.AccountsIT.assertProblem;

/**
 * Bearer JWTs of an external identity provider, signed by a key this test generates (no provider runs): the public
 * key is all the ledger is given. A token with the right claims acts as its user, with its roles and acting unit on
 * what it records; an expired one, one signed by another key, or one of another issuer or audience is refused with
 * 401 problem+json and records nothing; API keys keep working beside them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BearerJwtIT {

    static final String ISSUER = "https://idp.example.test/realms/aluxsat";
    static final String AUDIENCE = "subscription-ledger";

    KeyPair provider;
    KeyPair stranger;
    ConfigurableApplicationContext ledger;
    JdbcTemplate jdbc;
    Api api;

    @BeforeAll
    void start() throws IOException, NoSuchAlgorithmException {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        provider = generator.generateKeyPair();
        stranger = generator.generateKeyPair();
        Path dataDir = Path.of("target", "it-postgres", "jwt-" + UUID.randomUUID());
        Files.createDirectories(dataDir.getParent());
        Path publicKey = Files.createTempFile(dataDir.getParent(), "idp-", ".pem");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(provider.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        ledger = new SpringApplicationBuilder(LedgerApplication.class).run(
                "--ledger.embedded-postgres.data-dir=" + dataDir,
                "--ledger.embedded-postgres.port=0",
                "--server.port=0",
                "--ledger.security.oidc.issuer-uri=" + ISSUER,
                "--ledger.security.oidc.public-key-location=file:" + publicKey.toAbsolutePath(),
                "--ledger.security.oidc.audiences[0]=" + AUDIENCE,
                "--ledger.security.oidc.roles-claim=realm_access.roles",
                "--ledger.security.oidc.super-user-claim=ledger_super_user");
        jdbc = ledger.getBean(JdbcTemplate.class);
        api = new Api(((WebServerApplicationContext) ledger).getWebServer().getPort());
    }

    @AfterAll
    void stop() {
        ledger.close();
    }

    @Test
    void aTokenWithTheRightClaimsActsAsItsUserAndItsUnit() {
        String token = token(provider, claims("alice.keycloak", List.of("AGENT"), List.of("CUSTOMER-SERVICE", "SALES"))
                .build());
        var opened = bearer(token, "POST", "/api/accounts", """
                {"type":"PERSON","firstName":"Token","lastName":"Holder","currency":"EUR","creditLimit":100}""");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String accountId = opened.json().get("accountId").asText();
        Await.until("the account read with the token", () -> bearer(token, "GET", "/api/accounts/" + accountId, null),
                response -> response.status() == 200);

        JsonNode event = AccountsIT.events(api.get("auditor", "/api/audit/accounts/" + accountId + "/events").json())
                .get(0);
        assertThat(event.get("metadata").get(LedgerMetadata.PRINCIPAL).asText()).isEqualTo("alice.keycloak");
        assertThat(jdbc.queryForObject("select meta_data::jsonb ->> 'unit' from domain_event_entry"
                + " where aggregate_identifier = ?", String.class, accountId)).isEqualTo("CUSTOMER-SERVICE");
    }

    @Test
    void aTokensUnitsSeeWhatTheDirectoryLetsTheirMembersSee() {
        String service = token(provider, claims("carol.keycloak", List.of("AGENT"), List.of("CUSTOMER-SERVICE"))
                .build());
        var opened = bearer(service, "POST", "/api/accounts", """
                {"type":"PERSON","firstName":"Unit","lastName":"Closure","currency":"EUR","creditLimit":100}""");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String accountId = opened.json().get("accountId").asText();
        Await.until("the account on the read side", () -> bearer(service, "GET", "/api/accounts/" + accountId,
                null), response -> response.status() == 200);

        // the demo organisation: Billing & Finance collaborates with Customer Service, Marketing with nobody
        String billing = token(provider, claims("dora.keycloak", List.of("BILLING"), List.of("BILLING-FINANCE"))
                .build());
        String marketing = token(provider, claims("eve.keycloak", List.of("AGENT"), List.of("MARKETING")).build());
        assertThat(bearer(billing, "GET", "/api/accounts/" + accountId, null).status()).isEqualTo(200);
        assertThat(bearer(marketing, "GET", "/api/accounts/" + accountId, null).status()).isEqualTo(404);
    }

    @Test
    void aTokenGivesOnlyTheRolesItNames() {
        String reporter = token(provider, claims("rita.reporter", List.of("REPORTER"), List.of()).build());
        var refused = bearer(reporter, "POST", "/api/accounts", """
                {"type":"PERSON","firstName":"No","lastName":"Role","currency":"EUR","creditLimit":100}""");
        assertProblem(refused, 403, "ACCESS_DENIED", null);
        assertThat(recordedBy(refused)).isZero();
        assertThat(bearer(reporter, "GET", "/api/accounts?status=UNSETTLED", null).status()).isEqualTo(200);
    }

    @Test
    void expiredForeignAndWronglySignedTokensAreRefusedAndRecordNothing() {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        String expired = token(provider, claims("alice.keycloak", List.of("AGENT"), List.of())
                .issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(300))).build());
        String otherKey = token(stranger, claims("alice.keycloak", List.of("AGENT"), List.of()).build());
        String otherIssuer = token(provider, claims("alice.keycloak", List.of("AGENT"), List.of())
                .issuer("https://evil.example.test").build());
        String otherAudience = token(provider, claims("alice.keycloak", List.of("AGENT"), List.of())
                .audience("another-service").build());
        for (String token : List.of(expired, otherKey, otherIssuer, otherAudience, "not.a.jwt", "garbage")) {
            var refused = bearer(token, "POST", "/api/accounts", """
                    {"type":"PERSON","firstName":"Not","lastName":"Me","currency":"EUR","creditLimit":100}""");
            assertProblem(refused, 401, "UNAUTHENTICATED", null);
            assertThat(recordedBy(refused)).isZero();
            assertProblem(bearer(token, "GET", "/api/accounts?status=UNSETTLED", null), 401, "UNAUTHENTICATED", null);
        }
    }

    @Test
    void apiKeysKeepWorkingBesideTokens() {
        String key = api.post("agent", "/api/api-keys", "{\"name\": \"till beside the IdP\"}").json()
                .get("key").asText();
        assertThat(bearer(key, "GET", "/api/accounts?status=UNSETTLED", null).status()).isEqualTo(200);
        assertProblem(bearer("sk_test_" + "A".repeat(40), "GET", "/api/accounts?status=UNSETTLED", null), 401,
                "UNAUTHENTICATED", null);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static JWTClaimsSet.Builder claims(String user, List<String> roles, List<String> units) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("preferred_username", user)
                .claim("realm_access", Map.of("roles", roles))
                .claim("units", units);
    }

    private static String token(KeyPair key, JWTClaimsSet claims) {
        try {
            var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private Api.Response bearer(String token, String method, String path, String json) {
        return api.send(null, method, path, json, Map.of("Authorization", "Bearer " + token));
    }

    private long recordedBy(Api.Response response) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where (meta_data::jsonb ->> '"
                + LedgerMetadata.CLIENT_REFERENCE + "') = ?", Long.class, response.correlationId());
    }
}
