/**
 * The web UI: server-rendered pages (Thymeleaf) under {@code /ui}, signed in with an API token kept in the
 * server-side session. Pages call the same module APIs as the HTTP API, with the same permission checks.
 */
@NullMarked
package dev.catapult.ui.web;

import org.jspecify.annotations.NullMarked;
