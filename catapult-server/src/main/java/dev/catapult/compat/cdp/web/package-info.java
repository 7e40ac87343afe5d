/** HTTP edge of the cdp-portal-backend compatibility routes. */
@NullMarked
package dev.catapult.compat.cdp.web;

import org.jspecify.annotations.NullMarked;
