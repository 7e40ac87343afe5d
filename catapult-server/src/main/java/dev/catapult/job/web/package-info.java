/** HTTP edge of the durable job queue. */
@NullMarked
package dev.catapult.job.web;

import org.jspecify.annotations.NullMarked;
