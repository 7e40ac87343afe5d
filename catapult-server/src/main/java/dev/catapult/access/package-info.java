/** Access control: principals, API tokens, TOTP enrolment, password sign-in and its throttling. */
@NullMarked
package dev.catapult.access;

import org.jspecify.annotations.NullMarked;
