package org.ecoledger.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import org.junit.jupiter.api.Test;

/**
 * The arrows between modules (STYLE.md): {@code org.ecoledger.api..} is the application; it may depend on the core
 * and the projections, and nothing else may depend on it.
 */
class ModuleDependencyTest {

    private static final String API = "org.ecoledger.api..";

    private static final JavaClasses LEDGER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.ecoledger");

    @Test
    void nothingOutsideTheApplication_dependsOnIt() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage(API)
                .should().dependOnClassesThat().resideInAPackage(API)
                .because("ledger-api is the Spring Boot application: core and projections must work without it, "
                        + "so nothing outside org.ecoledger.api may depend on it (STYLE.md, 'Nothing depends on it')");
        rule.check(LEDGER);
    }

    @Test
    void theRuleSeesTheOtherModules_soItCannotPassVacuously() {
        assertThat(LEDGER.contain("org.ecoledger.core.store.StoreDurability")).isTrue();
        assertThat(LEDGER.contain("org.ecoledger.api.LedgerApplication")).isTrue();
    }
}
