package org.subledger.platform.web;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.subledger.kernel.access.AccessScope;
import org.subledger.platform.security.AccessScopes;

/**
 * Gives a controller method the {@link AccessScope} of the authenticated user as a parameter, so the query side
 * filters by it without depending on how users are authenticated (the platform's business).
 */
class AccessScopeArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return AccessScope.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                  NativeWebRequest request, WebDataBinderFactory binders) {
        return AccessScopes.current();
    }
}
