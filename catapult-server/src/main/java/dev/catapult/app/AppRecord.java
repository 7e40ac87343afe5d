package dev.catapult.app;

/** What other modules need of an app: its id for joins, its name, and whether it is archived. */
public record AppRecord(
        long id, String name, String image, String imageTagTemplate, boolean archived, long lastVersion) {}
