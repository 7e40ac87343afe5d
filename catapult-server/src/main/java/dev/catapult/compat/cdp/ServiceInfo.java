package dev.catapult.compat.cdp;

import org.jspecify.annotations.Nullable;

/** cdp-portal-backend's {@code ServiceInfo}: a service name seen on images, where its code lives, its repository. */
public record ServiceInfo(String serviceName, @Nullable String githubUrl, String imageName) {}
