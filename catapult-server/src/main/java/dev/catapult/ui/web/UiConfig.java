package dev.catapult.ui.web;

import dev.catapult.access.AccessControl;
import dev.catapult.access.PasswordSignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The UI's routes: {@code /ui/**} needs a signed-in session (except the login page and static assets), and
 * every UI response gets headers that forbid framing, inline scripts and content sniffing.
 */
@Configuration(proxyBeanMethods = false)
class UiConfig implements WebMvcConfigurer {
    private final AccessControl access;
    private final PasswordSignIn passwords;

    UiConfig(AccessControl access, PasswordSignIn passwords) {
        this.access = access;
        this.passwords = passwords;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new SecurityHeaders()).addPathPatterns("/ui", "/ui/**");
        registry.addInterceptor(new SessionGuard(access, passwords))
                .addPathPatterns("/ui", "/ui/**")
                .excludePathPatterns("/ui/login", "/ui/login/**", "/ui/assets/**");
    }

    /** The session cookie is the UI's credential: never sent by cross-site requests. */
    @Bean
    CookieSameSiteSupplier uiSessionCookieSameSite() {
        return CookieSameSiteSupplier.ofStrict().whenHasName("JSESSIONID");
    }

    private static final class SecurityHeaders implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            response.setHeader(
                    "Content-Security-Policy",
                    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Referrer-Policy", "same-origin");
            if (!request.getRequestURI().startsWith("/ui/assets/")) {
                response.setHeader("Cache-Control", "no-store");
            }
            return true;
        }
    }
}
