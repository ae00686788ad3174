package org.ecoledger.core.log;

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
@AnalyzeClasses(packages = "org.ecoledger.core.log", importOptions = ImportOption.DoNotIncludeTests.class)
class LogArchitectureTest {

    @ArchTest
    static void logDependsOnTheJdkJacksonBouncyCastleAndTheChainOnly(JavaClasses log) {
        classes()
                .that().resideInAPackage("org.ecoledger.core.log..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", "com.fasterxml.jackson..", "org.bouncycastle..",
                        "org.ecoledger.core.chain..", "org.ecoledger.core.log..")
                .because("the offline verifier (ledger-verifier) ships this package without the store, Axon or "
                        + "MongoDB; docs/transparency-log.md specifies it")
                .check(log);
    }

    @ArchTest
    static void logTakesTimeIdsAndMappersFromItsCaller(JavaClasses log) {
        noClasses()
                .that().resideInAPackage("org.ecoledger.core.log..")
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(UUID.class, "randomUUID")
                .orShould().callConstructor(ObjectMapper.class)
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .orShould().callConstructor(java.security.SecureRandom.class)
                .because("checkpoints, cosignatures and evidence must be reproducible in tests (STYLE.md): "
                        + "inject a Clock, a SecureRandom and an ObjectMapper")
                .check(log);
    }
}
