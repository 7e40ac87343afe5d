package dev.catapult.access.web;

import dev.catapult.access.AccessControl;
import dev.catapult.access.Actor;
import dev.catapult.platform.Unauthenticated;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Resolves the bearer token of every API request to an {@link Actor} before the controller runs, and hands
 * that actor to controller methods that declare an {@code Actor} parameter. No token, or an unknown,
 * expired or revoked one: 401. What the actor may do is checked by the module it calls (default deny).
 */
class Authentication implements HandlerInterceptor, HandlerMethodArgumentResolver {
    private static final String ATTRIBUTE = Actor.class.getName();
    private final AccessControl access;

    Authentication(AccessControl access) {
        this.access = access;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            throw new Unauthenticated("a bearer token is required (Authorization: Bearer <token>)");
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() > 7 + 512) {
            throw new Unauthenticated("the Authorization header must be 'Bearer <token>'");
        }
        Actor actor = access.authenticate(header.substring(7).trim())
                .orElseThrow(() -> new Unauthenticated("the token is invalid, expired or revoked"));
        request.setAttribute(ATTRIBUTE, actor);
        return true;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Actor.class);
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            @Nullable ModelAndViewContainer mav,
            NativeWebRequest request,
            @Nullable WebDataBinderFactory binderFactory) {
        Object actor = request.getAttribute(ATTRIBUTE, NativeWebRequest.SCOPE_REQUEST);
        if (actor == null) {
            throw new Unauthenticated("a bearer token is required (Authorization: Bearer <token>)");
        }
        return actor;
    }
}
