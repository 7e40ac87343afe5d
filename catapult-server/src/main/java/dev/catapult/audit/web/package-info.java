/** HTTP edge of the audit trail. */
@NullMarked
package dev.catapult.audit.web;

import org.jspecify.annotations.NullMarked;
