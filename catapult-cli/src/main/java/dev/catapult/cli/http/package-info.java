/** The CLI's HTTP client for the Catapult API: requests, JSON, errors and paging. */
@NullMarked
package dev.catapult.cli.http;

import org.jspecify.annotations.NullMarked;
