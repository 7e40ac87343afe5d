/**
 * The client for Catapult's own HTTP API v1: {@link dev.catapult.client.CatapultClient} sends JSON and reads
 * {@link tools.jackson.databind.JsonNode} (or, for callers that judge status and headers themselves, a
 * {@link dev.catapult.client.RawResponse}); error statuses become {@link dev.catapult.client.ApiException}
 * carrying the server's problem+json.
 */
@NullMarked
package dev.catapult.client;

import org.jspecify.annotations.NullMarked;
