/** HTTP edge of access control: bearer-token authentication of requests and the principal and token routes. */
@NullMarked
package dev.catapult.access.web;

import org.jspecify.annotations.NullMarked;
