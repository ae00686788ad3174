package org.ecoledger.core.chain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;

/**
 * The rules are {@code @ArchTest} methods, not fields: Surefire 3.5.3 silently skips {@code @ArchTest} fields
 * (TNG/ArchUnit#1442), which would make these tests unable to fail.
 */
@AnalyzeClasses(packages = "org.ecoledger.core.chain", importOptions = ImportOption.DoNotIncludeTests.class)
class ChainArchitectureTest {

    @ArchTest
    static void chainDependsOnTheJdkJacksonTreesAndBouncyCastleOnly(JavaClasses chain) {
        classes()
                .that().resideInAPackage("org.ecoledger.core.chain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", "com.fasterxml.jackson.databind..", "org.bouncycastle.crypto..",
                        "org.ecoledger.core.chain..")
                .because("the chain is specified in docs/hash-chain.md and must verify stored data offline, "
                        + "without the store, Axon or MongoDB")
                .check(chain);
    }

    @ArchTest
    static void chainHashesOnlyWhatItIsGiven(JavaClasses chain) {
        noClasses()
                .that().resideInAPackage("org.ecoledger.core.chain..")
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(UUID.class, "randomUUID")
                .orShould().callConstructor(ObjectMapper.class)
                .because("hashes must be reproducible from the stored fields alone (STYLE.md)")
                .check(chain);
    }
}
