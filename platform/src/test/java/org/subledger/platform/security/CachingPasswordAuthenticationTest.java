package org.subledger.platform.security;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingPasswordAuthenticationTest {

    /** Stands for bcrypt: counts how often the expensive check runs. */
    static final class CountingPasswords implements AuthenticationProvider {
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public Authentication authenticate(Authentication request) {
            checks.incrementAndGet();
            if (!"demo".equals(request.getCredentials())) {
                throw new BadCredentialsException("wrong");
            }
            return UsernamePasswordAuthenticationToken.authenticated(request.getName(), null,
                    AuthorityUtils.createAuthorityList("ROLE_AGENT"));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    }

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-03-01T08:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final CountingPasswords passwords = new CountingPasswords();
    final MovableClock clock = new MovableClock();
    final CachingPasswordAuthentication authentication = new CachingPasswordAuthentication(passwords,
            new LoginThrottle(clock, Duration.ofMinutes(1), 3, 5), clock, Duration.ofMinutes(5), 1);

    static Authentication login(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    @Nested
    class GivenAVerifiedPassword {

        @Test
        void aForgottenUserIsCheckedAgainAtOnceAndOthersAreNot() {
            authentication.authenticate(login("agent", "demo"));
            authentication.authenticate(login("billing", "demo"));

            authentication.forget("agent");
            authentication.authenticate(login("agent", "demo"));
            authentication.authenticate(login("billing", "demo"));

            assertThat(passwords.checks).hasValue(3);
            authentication.forgetAll();
            authentication.authenticate(login("billing", "demo"));
            assertThat(passwords.checks).hasValue(4);
        }

        @Test
        void theSamePasswordIsTrustedWithoutAnotherCheckUntilItsTimeToLiveEnds() {
            authentication.authenticate(login("agent", "demo"));
            authentication.authenticate(login("agent", "demo"));
            assertThat(passwords.checks).hasValue(1);

            clock.now = clock.now.plus(Duration.ofMinutes(5));
            authentication.authenticate(login("agent", "demo"));
            assertThat(passwords.checks).hasValue(2);
        }

        @Test
        void aWrongPasswordIsStillChecked() {
            authentication.authenticate(login("agent", "demo"));
            assertThatThrownBy(() -> authentication.authenticate(login("agent", "dem0")))
                    .isInstanceOf(BadCredentialsException.class);
            assertThat(passwords.checks).hasValue(2);
        }
    }

    @Nested
    class GivenTooManyFailures {

        @Test
        void furtherAttemptsAreRefusedWithoutACheckUntilTheWindowEnds() {
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> authentication.authenticate(login("agent", "guess")))
                        .isInstanceOf(BadCredentialsException.class);
            }
            clock.now = clock.now.plusSeconds(20);

            assertThatThrownBy(() -> authentication.authenticate(login("agent", "demo")))
                    .isInstanceOfSatisfying(LoginThrottledException.class,
                            throttled -> assertThat(throttled.retryAfterSeconds()).isEqualTo(40));
            assertThat(passwords.checks).hasValue(3);

            clock.now = clock.now.plusSeconds(40);
            assertThat(authentication.authenticate(login("agent", "demo")).isAuthenticated()).isTrue();
        }

        @Test
        void aUserVerifiedBeforeTheFloodIsNotLockedOut() {
            authentication.authenticate(login("agent", "demo"));
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> authentication.authenticate(login("agent", "guess")))
                        .isInstanceOf(BadCredentialsException.class);
            }
            assertThat(authentication.authenticate(login("agent", "demo")).isAuthenticated()).isTrue();
            assertThat(passwords.checks).hasValue(4);
        }
    }

    /** A directory changed on another node: this node hears nothing, and reads the user again within seconds. */
    @Nested
    class GivenADirectoryUserChangedElsewhere {

        final java.util.Map<String, DirectoryUser> directory = new java.util.HashMap<>();
        final AtomicInteger checks = new AtomicInteger();
        final CachingPasswordAuthentication trusting = new CachingPasswordAuthentication(new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication request) {
                checks.incrementAndGet();
                var user = directory.get(request.getName());
                if (!user.isEnabled() || !user.getPassword().equals("{noop}" + request.getCredentials())) {
                    throw new BadCredentialsException("wrong");
                }
                return UsernamePasswordAuthenticationToken.authenticated(user.copy(), null, user.getAuthorities());
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return true;
            }
        }, name -> directory.get(name).copy(), new LoginThrottle(clock, Duration.ofMinutes(1), 3, 5), clock,
                Duration.ofMinutes(5), 1);

        void maria(String hash, boolean enabled, String unit) {
            directory.put("maria", new DirectoryUser("maria", hash, enabled, java.util.List.of("AGENT"), "Maria",
                    java.util.List.of(unit), new org.subledger.kernel.access.AccessScope("maria", unit,
                    java.util.Set.of(unit), false, false, java.util.Set.of())));
        }

        @Test
        void aDisabledUserOrAChangedPasswordEndsTheTrust() {
            maria("{noop}old", true, "SALES");
            trusting.authenticate(login("maria", "old"));

            maria("{noop}old", false, "SALES");
            assertThatThrownBy(() -> trusting.authenticate(login("maria", "old")))
                    .isInstanceOf(BadCredentialsException.class);
            maria("{noop}new", true, "SALES");
            assertThatThrownBy(() -> trusting.authenticate(login("maria", "old")))
                    .isInstanceOf(BadCredentialsException.class);
            assertThat(trusting.authenticate(login("maria", "new")).isAuthenticated()).isTrue();
        }

        @Test
        void newUnitsAreSeenWithoutAnotherPasswordCheck() {
            maria("{noop}pw", true, "SALES");
            trusting.authenticate(login("maria", "pw"));

            maria("{noop}pw", true, "MARKETING");
            var again = trusting.authenticate(login("maria", "pw"));

            assertThat(AccessScopes.of(again).units()).containsExactly("MARKETING");
            assertThat(checks).hasValue(1);
        }
    }
}
