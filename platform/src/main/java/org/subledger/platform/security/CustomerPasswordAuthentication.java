package org.subledger.platform.security;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a customer's login ({@code customer_login}): the account number, or the identity / registration number,
 * which several accounts of one customer may share; the customer then reads every account whose password it gave.
 * Runs behind {@link CachingPasswordAuthentication}, so bcrypt is paid once per cache period, and throttled alike.
 */
class CustomerPasswordAuthentication implements AuthenticationProvider {

    /** Accounts one identity number may log into: bounds the bcrypt checks of one login. */
    private static final int MAX_ACCOUNTS_PER_LOGIN = 10;
    private static final int MAX_LOGIN_LENGTH = 255;

    private record Row(String accountId, String passwordHash) {
    }

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;

    CustomerPasswordAuthentication(JdbcTemplate jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String login = request.getName();
        String password = request.getCredentials() == null ? "" : request.getCredentials().toString();
        if (login == null || login.isBlank() || login.length() > MAX_LOGIN_LENGTH) {
            throw new BadCredentialsException("not a customer login");
        }
        List<Row> rows = jdbc.query("""
                select account_id, password_hash from customer_login where account_id = ? or alias = ?
                order by account_id limit ?""", (row, index) -> new Row(row.getString(1), row.getString(2)),
                login, login, MAX_ACCOUNTS_PER_LOGIN);
        Set<String> accounts = new HashSet<>();
        for (Row row : rows) {
            if (passwords.matches(password, row.passwordHash())) {
                accounts.add(row.accountId());
            }
        }
        if (accounts.isEmpty()) {
            throw new BadCredentialsException("bad customer credentials");
        }
        return UsernamePasswordAuthenticationToken.authenticated(new CustomerPrincipal(accounts), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + CustomerPrincipal.ROLE)));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
