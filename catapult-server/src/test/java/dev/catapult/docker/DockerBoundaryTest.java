package dev.catapult.docker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.catapult.testing.ServerClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Docker engine client is shared, not owned: the runtime source never reaches into the deployer's adapter
 * package (nor the other way round), and the client knows no feature.
 */
class DockerBoundaryTest {
    private static JavaClasses server;

    @BeforeAll
    static void importServer() {
        server = ServerClasses.load();
    }

    @Test
    void theRuntimeSourceAndTheDeployerShareOnlyTheEngineClient() {
        noClasses()
                .that()
                .resideInAPackage("dev.catapult.runtime..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.catapult.deploy.docker..")
                .check(server);
        noClasses()
                .that()
                .resideInAPackage("dev.catapult.deploy..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.catapult.runtime.docker..")
                .check(server);
    }

    @Test
    void theEngineClientKnowsNoFeature() {
        classes()
                .that()
                .resideInAPackage("dev.catapult.docker..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "dev.catapult.docker..",
                        "java..",
                        "org.eclipse.jetty..",
                        "tools.jackson..",
                        "com.fasterxml.jackson.annotation..",
                        "org.jspecify..")
                .check(server);
    }
}
