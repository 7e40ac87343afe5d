/** The CLI's configuration file (server URL and token) and {@code catapult login}. */
@NullMarked
package dev.catapult.cli.config;

import org.jspecify.annotations.NullMarked;
