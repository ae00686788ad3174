package org.ecoledger.core.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.core.domain.JavaClasses;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Rules are {@code @ArchTest} methods: Surefire 3.5 runs {@code @ArchTest} fields as zero tests (ArchUnit#1442).
 * The arrows of the house (STYLE.md): the core is the ledger itself, with no Spring Boot and no web; the domain does not know how it is
 * stored.
 */
@AnalyzeClasses(packages = "org.ecoledger.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    @ArchTest
    static void coreKnowsNothingOfTheApplicationOrTheViews(JavaClasses classes) {
        noClasses()
            .that().resideInAPackage("org.ecoledger.core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.ecoledger.api..", "org.ecoledger.projections..")
            .because("ledger-core is the ledger itself; the application and the read views build on it, not the reverse")
                .check(classes);
    }

    @ArchTest
    static void coreHasNoSpringAndNoWeb(JavaClasses classes) {
        noClasses()
            .that().resideInAPackage("org.ecoledger.core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..",
                                                               "jakarta.ws..")
            .because("ledger-core has no Spring Boot and no web (STYLE.md)")
                .check(classes);
    }

    @ArchTest
    static void theDomainDoesNotKnowHowItIsStored(JavaClasses classes) {
        noClasses()
            .that().resideInAnyPackage("org.ecoledger.core.record..", "org.ecoledger.core.casefile..",
                                       "org.ecoledger.core.reference..", "org.ecoledger.core.rules..")
            .should().dependOnClassesThat().resideInAnyPackage("org.ecoledger.core.store..", "com.mongodb..",
                                                               "org.bson..")
            .because("aggregates and rules are storage-agnostic; the event store is one implementation")
                .check(classes);
    }

    @ArchTest
    static void noGrabBagPackages(JavaClasses classes) {
        noClasses()
            .should().resideInAnyPackage("..util..", "..utils..", "..helper..", "..helpers..", "..common..")
            .because("packages are by capability, then by role (STYLE.md)")
                .check(classes);
    }
}
