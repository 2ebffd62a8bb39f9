package org.subledger.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks an endpoint's {@code @PreAuthorize} roles as soon as the endpoint is known, before its body is read or
 * validated: method security alone runs after binding, so a caller without the role would learn the body's rules
 * (a 400 naming the fields) before the 403. The annotations stay the one place where roles are stated; method
 * security still checks them again on the call itself. Expressions must name roles only, not the method's arguments
 * (there are none yet at this point).
 */
public class AuthorizeBeforeBindingInterceptor implements HandlerInterceptor {

    private final RoleExpressions preAuthorize = new RoleExpressions(new PreAuthorizeAuthorizationManager());

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            var invocation = new SimpleMethodInvocation(method.getBean(), method.getMethod());
            var result = preAuthorize.authorize(
                    () -> SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication(),
                    invocation);
            if (result != null && !result.isGranted()) {
                throw new AuthorizationDeniedException("Access Denied", result);
            }
        }
        return true;
    }
}
