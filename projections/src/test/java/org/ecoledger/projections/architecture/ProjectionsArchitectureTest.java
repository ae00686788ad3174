package org.ecoledger.projections.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.Repository;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Rules are methods, as Surefire 3.5 skips {@code @ArchTest} fields. Projections see the core's events and queries, never its aggregates (STYLE.md). */
@AnalyzeClasses(packages = "org.ecoledger", importOptions = ImportOption.DoNotIncludeTests.class)
class ProjectionsArchitectureTest {

    static final DescribedPredicate<JavaClass> AGGREGATES = new DescribedPredicate<>("are aggregates") {
        @Override
        public boolean test(JavaClass type) {
            return type.isAnnotatedWith(AggregateRoot.class)
                    || type.getAllFields().stream().anyMatch(f -> f.isAnnotatedWith(AggregateIdentifier.class))
                    || type.isAssignableTo(Repository.class);
        }
    };

    @ArchTest
    static void projectionsDoNotUseTheApplication(JavaClasses classes) {
        noClasses()
            .that().resideInAPackage("org.ecoledger.projections..")
            .should().dependOnClassesThat().resideInAPackage("org.ecoledger.api..")
            .allowEmptyShould(true)
            .because("nothing depends on the application module")
                .check(classes);
    }

    @ArchTest
    static void projectionsNeverTouchAggregates(JavaClasses classes) {
        noClasses()
            .that().resideInAPackage("org.ecoledger.projections..")
            .should().dependOnClassesThat(AGGREGATES)
            .allowEmptyShould(true)
            .because("read models are built from events; aggregates are the write side's business")
                .check(classes);
    }
}
