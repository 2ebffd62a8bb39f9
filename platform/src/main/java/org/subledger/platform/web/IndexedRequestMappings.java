package org.subledger.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Spring's handler lookup, without matching every mapping of the API against every request. A path with a variable
 * ({@code /api/accounts/{id}/charges}) has no direct match, so Spring tries each of the ~200 mappings in turn — a
 * tenth of a charge's CPU over HTTP. The mappings are indexed here by the first two literal segments of their
 * patterns; a request is matched against its bucket and the mappings without such a prefix, which hold every mapping
 * that can match it. When exactly one matches, it is Spring's answer too; anything else (no match and its 404, 405
 * or 415, several matches, a CORS pre-flight) is left to Spring's own lookup, so the answers are Spring's.
 */
class IndexedRequestMappings extends RequestMappingHandlerMapping {

    private static final int KEY_SEGMENTS = 2;
    /** Segment text that matches itself only, whatever the request's encoding: anything else is not indexed. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._~-]+");

    private record Candidate(RequestMappingInfo mapping, HandlerMethod handler) {
    }

    private record Index(Map<String, List<Candidate>> byPrefix, List<Candidate> unprefixed) {
    }

    private volatile Index index;

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        Index current = index;
        if (current == null) {
            current = buildIndex();
        }
        if (current == null || !ServletRequestPathUtils.hasParsedRequestPath(request)
                || CorsUtils.isPreFlightRequest(request)) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        String key = key(ServletRequestPathUtils.getParsedRequestPath(request));
        List<Candidate> matches = new ArrayList<>(2);
        if (key != null) {
            addMatches(current.byPrefix().getOrDefault(key, List.of()), request, matches);
        }
        addMatches(current.unprefixed(), request, matches);
        if (matches.size() != 1) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        Candidate found = matches.get(0);
        request.setAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, found.handler());
        handleMatch(found.mapping(), lookupPath, request);
        return found.handler();
    }

    private void addMatches(List<Candidate> candidates, HttpServletRequest request, List<Candidate> matches) {
        for (Candidate candidate : candidates) {
            RequestMappingInfo match = getMatchingMapping(candidate.mapping(), request);
            if (match != null) {
                matches.add(new Candidate(match, candidate.handler()));
            }
        }
    }

    @Override
    protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
        super.registerHandlerMethod(handler, method, mapping);
        index = null;
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        super.unregisterMapping(mapping);
        index = null;
    }

    private synchronized Index buildIndex() {
        if (index != null) {
            return index;
        }
        if (getPatternParser() == null) {
            return null; // AntPathMatcher mappings: Spring's lookup only
        }
        Map<String, List<Candidate>> byPrefix = new HashMap<>();
        List<Candidate> unprefixed = new ArrayList<>();
        getHandlerMethods().forEach((mapping, handler) -> {
            var candidate = new Candidate(mapping, handler);
            var patterns = mapping.getPathPatternsCondition() == null ? null
                    : mapping.getPathPatternsCondition().getPatterns();
            List<String> keys = new ArrayList<>();
            if (patterns != null && !patterns.isEmpty()) {
                for (PathPattern pattern : patterns) {
                    String key = key(pattern.getPatternString());
                    if (key == null) {
                        keys = null;
                        break;
                    }
                    keys.add(key);
                }
            } else {
                keys = null;
            }
            if (keys == null) {
                unprefixed.add(candidate);
            } else {
                keys.stream().distinct().forEach(key ->
                        byPrefix.computeIfAbsent(key, k -> new ArrayList<>()).add(candidate));
            }
        });
        index = new Index(byPrefix, unprefixed);
        return index;
    }

    /** The first two segments of a pattern when both are plain literals, else null (matched with every request). */
    private String key(String pattern) {
        if (!pattern.startsWith("/")) {
            return null;
        }
        String[] segments = pattern.substring(1).split("/", KEY_SEGMENTS + 1);
        if (segments.length < KEY_SEGMENTS) {
            return null;
        }
        var key = new StringBuilder();
        for (int i = 0; i < KEY_SEGMENTS; i++) {
            if (!PLAIN.matcher(segments[i]).matches()) {
                return null;
            }
            key.append('/').append(segments[i]);
        }
        return normalised(key.toString());
    }

    /** The request's first two segments as a literal pattern element compares them (decoded, no matrix variables). */
    private String key(RequestPath path) {
        var key = new StringBuilder();
        int segments = 0;
        for (PathContainer.Element element : path.pathWithinApplication().elements()) {
            if (element instanceof PathContainer.PathSegment segment) {
                key.append('/').append(segment.valueToMatch());
                if (++segments == KEY_SEGMENTS) {
                    return normalised(key.toString());
                }
            }
        }
        return null;
    }

    private String normalised(String key) {
        return getPatternParser().isCaseSensitive() ? key : key.toLowerCase(Locale.ROOT);
    }
}
