package dev.catapult.registry.oci;

/** What a request to a registry is for; {@link RequestCounters} counts by it. */
enum RequestKind {
    HEAD_MANIFEST,
    GET_MANIFEST,
    TAG_LIST,
    CATALOG,
    BLOB,
    TOKEN
}
