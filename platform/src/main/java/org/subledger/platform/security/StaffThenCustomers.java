package org.subledger.platform.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/**
 * HTTP Basic against the ledger's users first, then against customer logins: one provider for
 * {@link CachingPasswordAuthentication}, so both share its cache, its throttle and its bound on bcrypt checks. Only
 * a wrong name or password falls through to customers; a locked or disabled user stays refused.
 */
class StaffThenCustomers implements AuthenticationProvider {

    private final AuthenticationProvider staff;
    private final AuthenticationProvider customers;

    StaffThenCustomers(AuthenticationProvider staff, AuthenticationProvider customers) {
        this.staff = staff;
        this.customers = customers;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        try {
            return staff.authenticate(request);
        } catch (BadCredentialsException notStaff) {
            try {
                return customers.authenticate(request);
            } catch (BadCredentialsException notCustomer) {
                throw notStaff;
            }
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return staff.supports(authentication);
    }
}
