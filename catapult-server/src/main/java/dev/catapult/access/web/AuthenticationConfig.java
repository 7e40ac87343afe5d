package dev.catapult.access.web;

import dev.catapult.access.AccessControl;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every route under {@code /api/} and {@code /compat/}, and registrywatcher's root routes, need a token;
 * health, metrics, docs and signed webhooks do not.
 */
@Configuration(proxyBeanMethods = false)
class AuthenticationConfig implements WebMvcConfigurer {
    private final Authentication authentication;

    AuthenticationConfig(AccessControl access) {
        this.authentication = new Authentication(access);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(authentication).addPathPatterns("/api/**", "/compat/**", "/ping", "/repos", "/tags/**");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(authentication);
    }
}
