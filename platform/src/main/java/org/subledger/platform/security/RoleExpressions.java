package org.subledger.platform.security;

import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.support.AopUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code @PreAuthorize("hasAnyRole('AGENT', 'ADMIN')")} decided without SpEL. Every command endpoint states its roles
 * so, and they are checked twice per request (before binding, {@link AuthorizeBeforeBindingInterceptor}, and by
 * method security on the call): parsing the expression's context and calling {@code hasAnyRole} by reflection each
 * time cost a few percent of a charge's CPU. A method's own annotation naming roles only ({@code hasRole('X')} or
 * {@code hasAnyRole('X', …)}) is read once and checked against the authorities as Spring does (prefix {@code ROLE_},
 * no role hierarchy in the ledger); any other expression, or none, goes to Spring's manager.
 */
final class RoleExpressions implements AuthorizationManager<MethodInvocation> {

    private static final Pattern ROLES_ONLY = Pattern.compile(
            "\\s*has(Any)?Role\\(\\s*'[A-Z][A-Z0-9_]*'(\\s*,\\s*'[A-Z][A-Z0-9_]*')*\\s*\\)\\s*");
    private static final Pattern ROLE = Pattern.compile("'([A-Z][A-Z0-9_]*)'");
    private static final String ROLE_PREFIX = "ROLE_";

    private final AuthorizationManager<MethodInvocation> spring;
    private final Map<Method, Optional<Set<String>>> roles = new ConcurrentHashMap<>();

    RoleExpressions(AuthorizationManager<MethodInvocation> spring) {
        this.spring = spring;
    }

    @Override
    @SuppressWarnings("deprecation")
    public AuthorizationDecision check(Supplier<Authentication> authentication, MethodInvocation invocation) {
        var result = authorize(authentication, invocation);
        return result == null || result instanceof AuthorizationDecision ? (AuthorizationDecision) result
                : new AuthorizationDecision(result.isGranted());
    }

    @Override
    public AuthorizationResult authorize(Supplier<Authentication> authentication, MethodInvocation invocation) {
        Optional<Set<String>> required = roles.computeIfAbsent(method(invocation), RoleExpressions::rolesOnly);
        if (required.isEmpty()) {
            return spring.authorize(authentication, invocation);
        }
        Authentication caller = authentication.get();
        if (caller == null) {
            return spring.authorize(authentication, invocation);
        }
        for (GrantedAuthority authority : caller.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && required.get().contains(name)) {
                return new AuthorizationDecision(true);
            }
        }
        return new AuthorizationDecision(false);
    }

    /** The method as method security resolves it: the target class's own, not a proxy's or an interface's. */
    private static Method method(MethodInvocation invocation) {
        Object target = invocation.getThis();
        return target == null ? invocation.getMethod()
                : AopUtils.getMostSpecificMethod(invocation.getMethod(), AopUtils.getTargetClass(target));
    }

    /** The authorities the method's own annotation asks for any of, when it names roles only. */
    static Optional<Set<String>> rolesOnly(Method method) {
        PreAuthorize annotation = method.getDeclaredAnnotation(PreAuthorize.class);
        if (annotation == null || !ROLES_ONLY.matcher(annotation.value()).matches()) {
            return Optional.empty();
        }
        var matcher = ROLE.matcher(annotation.value());
        Set<String> named = matcher.results().map(role -> role.group(1)).collect(Collectors.toUnmodifiableSet());
        // Spring leaves a role already prefixed as it is: rare enough to leave to Spring
        if (named.stream().anyMatch(role -> role.startsWith(ROLE_PREFIX))) {
            return Optional.empty();
        }
        Set<String> authorities = named.stream().map(role -> ROLE_PREFIX + role)
                .collect(Collectors.toUnmodifiableSet());
        if (annotation.value().contains("hasRole(") && authorities.size() != 1) {
            return Optional.empty();
        }
        return Optional.of(authorities);
    }
}
