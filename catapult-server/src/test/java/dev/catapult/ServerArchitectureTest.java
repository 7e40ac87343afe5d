package dev.catapult;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.catapult.testing.ServerClasses;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** Keeps the server's feature boundaries honest (GUIDE: thin package-private controllers, modules below). */
class ServerArchitectureTest {
    private static JavaClasses server;

    @BeforeAll
    static void importServer() {
        server = ServerClasses.load();
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

    @Test
    void onlyWebPackagesDependOnWireRecords() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.catapult..web..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.catapult.api..")
                .because("module APIs take commands and return domain records; only web/ maps to the wire")
                .check(server);
    }

    @Test
    void featuresDoNotDependOnEachOtherInCycles() {
        slices().matching("dev.catapult.(*)..").should().beFreeOfCycles().check(server);
    }

    /** {@code dev.catapult.<feature>…<adapter>…}: the feature an adapter package belongs to. */
    private static final Pattern ADAPTER =
            Pattern.compile("^dev\\.catapult\\.([^.]+)(?:\\.[^.]+)*?\\.(docker|nomad|oci|sqs|deployer)(?:\\..*)?$");

    @Test
    void adapterPackagesAreInternalToTheirFeature() {
        classes()
                .should(new ArchCondition<JavaClass>("only depend on adapter packages of their own feature") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        String feature = feature(origin.getPackageName());
                        for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                            Matcher m = ADAPTER.matcher(d.getTargetClass().getPackageName());
                            if (m.matches() && !m.group(1).equals(feature)) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                            }
                        }
                    }
                })
                .check(server);
    }

    private static String feature(String packageName) {
        String rest = packageName.startsWith("dev.catapult.") ? packageName.substring("dev.catapult.".length()) : "";
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
