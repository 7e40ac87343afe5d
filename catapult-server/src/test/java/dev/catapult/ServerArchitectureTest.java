package dev.catapult;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** Keeps the server's feature boundaries honest (GUIDE: thin package-private controllers, modules below). */
class ServerArchitectureTest {
    private static JavaClasses server;

    @BeforeAll
    static void importServer() {
        server = new ClassFileImporter()
                .withImportOption(location -> location.contains("/catapult-server/target/classes/"))
                .importPackages("dev.catapult");
        assertThat(server.size()).isGreaterThan(40);
    }

    @Test
    void controllersArePackagePrivateAndLiveInWebPackages() {
        classes()
                .that()
                .areAnnotatedWith(RestController.class)
                .or()
                .areAnnotatedWith(Controller.class)
                .should()
                .notBePublic()
                .andShould()
                .resideInAPackage("dev.catapult..web..")
                .check(server);
    }

    @Test
    void modulesNeverReachIntoTheWebLayer() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.catapult..web..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.catapult..web..")
                .check(server);
    }

    @Test
    void webPackagesDoNotWriteSql() {
        noClasses()
                .that()
                .resideInAPackage("dev.catapult..web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
                .check(server);
    }
}
