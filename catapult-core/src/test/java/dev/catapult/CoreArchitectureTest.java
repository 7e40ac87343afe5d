package dev.catapult;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.catapult.release.CommitContainment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Core stays JDK only (GUIDE: "Decisions live in core"): no framework, database, HTTP or JSON library. */
class CoreArchitectureTest {
    /** The module's own production classes: not its tests, not other modules' classes on the class path. */
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(location -> location.contains("/catapult-core/target/classes/"))
            .importPackages("dev.catapult");

    @Test
    void importsTheModulesProductionClassesOnly() {
        assertThat(CORE.size()).isGreaterThan(30);
        assertThat(CORE.contain(CommitContainment.class)).isTrue();
        assertThat(CORE.contain(CoreArchitectureTest.class)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "org.springframework..",
                "java.sql..",
                "javax.sql..",
                "java.net.http..",
                "jakarta..",
                "tools.jackson..",
                "com.fasterxml.."
            })
    void noCoreClassDependsOn(String packages) {
        noClasses().should().dependOnClassesThat().resideInAPackage(packages).check(CORE);
    }
}
