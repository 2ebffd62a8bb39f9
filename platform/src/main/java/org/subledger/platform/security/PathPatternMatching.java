package org.subledger.platform.security;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues.ValueHolder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;

import java.util.List;

/**
 * The security rules match request paths with {@code PathPatternRequestMatcher} (Spring Security 6.5's own path
 * patterns), not with Spring MVC's handler mappings. With MVC matchers Spring Security wraps its filter chain in a
 * filter that looks up the request's MVC handler before anything else, on every request, only so those matchers can
 * reuse it: a second full handler lookup per request (the dispatcher does its own), about 7 % of a charge's CPU in a
 * JFR profile (issue 10). With path-pattern matchers nothing reads that lookup, so the wrapping is undone here.
 * Guarded: if Spring Security ever registers the chain differently, nothing is changed.
 */
final class PathPatternMatching {

    /** Spring Security's name for the chain bean the MVC configuration wraps. */
    static final String FILTER_CHAIN = "springSecurityFilterChain";
    private static final String MVC_COMPOSITE =
            "org.springframework.security.config.annotation.web.configuration.WebMvcSecurityConfiguration"
                    + "$CompositeFilterChainProxy";

    private PathPatternMatching() {
    }

    /** Makes {@code requestMatchers(String…)} build path-pattern matchers. */
    static PathPatternRequestMatcherBuilderFactoryBean requestMatchers() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /**
     * Runs after every bean-definition registry post-processor (Spring Security's wrapping is one), so it sees the
     * wrapped chain and puts the chain Spring Security wrapped back in its place.
     */
    static BeanFactoryPostProcessor withoutHandlerLookupFilter() {
        return factory -> unwrap(factory);
    }

    private static void unwrap(ConfigurableListableBeanFactory factory) {
        if (!(factory instanceof BeanDefinitionRegistry registry) || !registry.containsBeanDefinition(FILTER_CHAIN)) {
            return;
        }
        BeanDefinition wrapped = registry.getBeanDefinition(FILTER_CHAIN);
        if (!MVC_COMPOSITE.equals(wrapped.getBeanClassName())) {
            return;
        }
        ValueHolder argument = wrapped.getConstructorArgumentValues().getIndexedArgumentValue(0, List.class);
        if (argument == null || !(argument.getValue() instanceof List<?> filters) || filters.size() != 2
                || !(filters.get(1) instanceof BeanDefinition chain)) {
            return;
        }
        registry.removeBeanDefinition(FILTER_CHAIN);
        registry.registerBeanDefinition(FILTER_CHAIN, chain);
    }
}
