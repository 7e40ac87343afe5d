package dev.catapult.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/** The server's main classes (not its tests, nor the other modules' classes), as the architecture rules read them. */
public final class ServerClasses {
    private ServerClasses() {}

    /** Imports {@code dev.catapult} from {@code catapult-server/target/classes} only. */
    public static JavaClasses load() {
        JavaClasses server = new ClassFileImporter()
                .withImportOption(location -> location.contains("/catapult-server/target/classes/"))
                .importPackages("dev.catapult");
        assertThat(server.size()).isGreaterThan(40);
        return server;
    }
}
