/**
 * The OCI Distribution (registry API v2) client behind the {@link dev.catapult.registry.RegistryClient} port.
 * Only {@link dev.catapult.registry.oci.OciRegistryClients} is public; everything else is package-private.
 */
@NullMarked
package dev.catapult.registry.oci;

import org.jspecify.annotations.NullMarked;
