/**
 * Wire records: the JSON requests and responses of the HTTP API v1, shared by the server and the CLI.
 * They carry no behaviour and no validation beyond their shape; the server validates and maps them to
 * domain records at its edge.
 */
@NullMarked
package dev.catapult.api;

import org.jspecify.annotations.NullMarked;
