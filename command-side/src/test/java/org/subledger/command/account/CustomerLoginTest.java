package org.subledger.command.account;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.subledger.command.customerlogin.CustomerLogins;
import org.subledger.kernel.account.AccountClosed;
import org.subledger.kernel.account.AccountOpened;
import org.subledger.kernel.account.ActivateCustomerLogin;
import org.subledger.kernel.account.CustomerLoginActivated;
import org.subledger.kernel.account.CustomerLoginInvited;
import org.subledger.kernel.account.InviteCustomerLogin;
import org.subledger.kernel.error.ErrorCode;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.subledger.command.account.AccountTest.ID;
import static org.subledger.command.account.AccountTest.opened;
import static org.subledger.command.account.AccountTest.refusal;

/** Customer logins on the account stream: invitation, activation, and every way an activation is refused. */
class CustomerLoginTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final Instant IN_A_WEEK = Instant.parse("2026-03-08T10:00:00Z");
    static final String TOKEN = "a".repeat(64);
    static final String BCRYPT = "{bcrypt}$2a$10$hash";

    FixtureConfiguration<Account> fixture;
    FakeLogins logins = new FakeLogins();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
        fixture.registerInjectableResource((AccountSubscriptions) accountId -> List.of());
        fixture.registerInjectableResource(logins);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void invitesTheCustomerAndKeepsOnlyTheTokensHash() {
        fixture.given(opened())
                .when(new InviteCustomerLogin(ID, TOKEN, IN_A_WEEK))
                .expectEvents(new CustomerLoginInvited(ID, IN_A_WEEK));
        assertThat(logins.tokens).containsEntry(ID, TOKEN);
    }

    @Test
    void refusesToInviteTheCustomerOfAClosedAccount() {
        fixture.given(opened(), new AccountClosed(ID, "moved away"))
                .when(new InviteCustomerLogin(ID, TOKEN, IN_A_WEEK))
                .expectException(refusal(ErrorCode.ACCOUNT_CLOSED))
                .expectNoEvents();
        assertThat(logins.tokens).isEmpty();
    }

    @Test
    void activationSetsThePasswordWithTheAccountsIdentityNumberAsAlias() {
        logins.tokens.put(ID, TOKEN);
        fixture.given(opened(), new CustomerLoginInvited(ID, IN_A_WEEK))
                .when(new ActivateCustomerLogin(ID, TOKEN, BCRYPT))
                .expectEvents(new CustomerLoginActivated(ID, ID));
        assertThat(logins.passwords).containsEntry(ID, "X123 " + BCRYPT);
        assertThat(logins.tokens).doesNotContainKey(ID);
    }

    @Test
    void refusesASecondActivationWithTheSameToken() {
        fixture.given(opened(), new CustomerLoginInvited(ID, IN_A_WEEK), new CustomerLoginActivated(ID, ID))
                .when(new ActivateCustomerLogin(ID, TOKEN, BCRYPT))
                .expectException(refusal(ErrorCode.ACTIVATION_TOKEN_INVALID))
                .expectNoEvents();
        assertThat(logins.passwords).isEmpty();
    }

    @Test
    void refusesAnExpiredToken() {
        logins.tokens.put(ID, TOKEN);
        fixture.given(opened(), new CustomerLoginInvited(ID, NOW))
                .when(new ActivateCustomerLogin(ID, TOKEN, BCRYPT))
                .expectException(refusal(ErrorCode.ACTIVATION_TOKEN_INVALID))
                .expectNoEvents();
        assertThat(logins.passwords).isEmpty();
    }

    @Test
    void refusesATokenReplacedByANewerOne() {
        logins.tokens.put(ID, "b".repeat(64));
        fixture.given(opened(), new CustomerLoginInvited(ID, IN_A_WEEK), new CustomerLoginInvited(ID, IN_A_WEEK))
                .when(new ActivateCustomerLogin(ID, TOKEN, BCRYPT))
                .expectException(refusal(ErrorCode.ACTIVATION_TOKEN_INVALID))
                .expectNoEvents();
    }

    @Test
    void refusesActivationWithoutAnInvitation() {
        logins.tokens.put(ID, TOKEN);
        fixture.given(opened())
                .when(new ActivateCustomerLogin(ID, TOKEN, BCRYPT))
                .expectException(refusal(ErrorCode.ACTIVATION_TOKEN_INVALID))
                .expectNoEvents();
    }

    @Test
    void refusesActivationOnceTheAccountIsClosed() {
        logins.tokens.put(ID, TOKEN);
        fixture.given(opened(), new CustomerLoginInvited(ID, IN_A_WEEK), new AccountClosed(ID, "moved away"))
                .when(new ActivateCustomerLogin(ID, TOKEN, BCRYPT))
                .expectException(refusal(ErrorCode.ACTIVATION_TOKEN_INVALID))
                .expectNoEvents();
    }

    @Test
    void aNewInvitationAfterActivationLetsTheCustomerSetANewPassword() {
        logins.tokens.put(ID, TOKEN);
        fixture.given(opened(), new CustomerLoginInvited(ID, NOW), new CustomerLoginActivated(ID, ID),
                        new CustomerLoginInvited(ID, IN_A_WEEK))
                .when(new ActivateCustomerLogin(ID, TOKEN, BCRYPT))
                .expectEvents(new CustomerLoginActivated(ID, ID));
    }

    @Test
    void aCompanyLogsInWithItsRegistrationNumberToo() {
        AccountOpened company = new AccountOpened(ID, org.subledger.kernel.account.CustomerType.COMPANY, null,
                new org.subledger.kernel.account.CompanyDetails("AluxSat Reseller Ltd", "HE12345", null),
                AccountTest.CONTACT, AccountTest.EUR, AccountTest.eur("0.00"), null, "CORPORATE", "agent");
        logins.tokens.put(ID, TOKEN);
        fixture.given(company, new CustomerLoginInvited(ID, IN_A_WEEK))
                .when(new ActivateCustomerLogin(ID, TOKEN, BCRYPT))
                .expectEvents(new CustomerLoginActivated(ID, ID));
        assertThat(logins.passwords).containsEntry(ID, "HE12345 " + BCRYPT);
    }

    /** The token and password table, as the command handlers see it inside their unit of work. */
    static class FakeLogins implements CustomerLogins {
        final Map<String, String> tokens = new HashMap<>();
        final Map<String, String> passwords = new HashMap<>();

        @Override
        public void invite(String accountId, String tokenHash, Instant expiresAt) {
            tokens.put(accountId, tokenHash);
        }

        @Override
        public Optional<String> accountOfToken(String tokenHash) {
            return tokens.entrySet().stream().filter(e -> e.getValue().equals(tokenHash)).map(Map.Entry::getKey)
                    .findFirst();
        }

        @Override
        public boolean consumeToken(String accountId, String tokenHash) {
            return tokens.remove(accountId, tokenHash);
        }

        @Override
        public void setPassword(String accountId, String alias, String passwordHash, Instant at) {
            passwords.put(accountId, alias + " " + passwordHash);
        }
    }
}
