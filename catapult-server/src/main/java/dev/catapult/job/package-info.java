/** Durable background jobs: a PostgreSQL work queue with leases, retries and progress. */
@NullMarked
package dev.catapult.job;

import org.jspecify.annotations.NullMarked;
