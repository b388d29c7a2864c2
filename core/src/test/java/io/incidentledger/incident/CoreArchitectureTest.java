package io.incidentledger.incident;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.Arrays;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/** core is the domain alone: Java and Axon's programming model, nothing of Spring, JPA or the other modules. */
@AnalyzeClasses(packages = "io.incidentledger", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    @ArchTest
    static final ArchRule dependsOnlyOnJavaAndAxon = classes().that().resideInAPackage("io.incidentledger..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.axonframework..",
                    "io.incidentledger.incident..");

    @ArchTest
    static final ArchRule knowsNothingOfSpringJpaOrOtherModules = noClasses().that()
            .resideInAPackage("io.incidentledger..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                    "javax.persistence..", "io.incidentledger.query..", "io.incidentledger.api..");

    /** Storage, serialization and wiring are the application's choice, not the domain's. */
    @ArchTest
    static final ArchRule usesAxonsProgrammingModelNotItsInfrastructure = noClasses().that()
            .resideInAPackage("io.incidentledger..")
            .should().dependOnClassesThat().resideInAnyPackage("org.axonframework.config..",
                    "org.axonframework.eventsourcing.eventstore..", "org.axonframework.axonserver..",
                    "org.axonframework.serialization.json..", "org.axonframework.serialization.jackson3..",
                    "org.axonframework.serialization.xml..", "org.axonframework.spring..");

    @ArchTest
    static final ArchRule eventsAreRevisedRecords = classes().that().implement(IncidentEvent.class)
            .should().beRecords().andShould().beAnnotatedWith(Revision.class).andShould().bePublic()
            .andShould(startWithTheIncidentId());

    @ArchTest
    static final ArchRule commandsAreRecordsTargetingTheIncident = classes()
            .that(haveAComponentAnnotatedWith(TargetAggregateIdentifier.class))
            .should().beRecords().andShould().bePublic().andShould(startWithTheIncidentId());

    @ArchTest
    static final ArchRule everyEventIsPermittedByTheSealedInterface = classes().that().implement(IncidentEvent.class)
            .should(new ArchCondition<>("be permitted by IncidentEvent") {
                @Override
                public void check(JavaClass javaClass, ConditionEvents events) {
                    boolean permitted = Arrays.asList(IncidentEvent.class.getPermittedSubclasses())
                            .contains(javaClass.reflect());
                    events.add(new SimpleConditionEvent(javaClass, permitted,
                            javaClass.getName() + (permitted ? " is" : " is not") + " permitted"));
                }
            });

    private static ArchCondition<JavaClass> startWithTheIncidentId() {
        return new ArchCondition<>("have the incident id as first record component") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                var components = javaClass.reflect().getRecordComponents();
                boolean first = components != null && components.length > 0
                        && components[0].getName().equals("incidentId")
                        && components[0].getType() == IncidentId.class;
                events.add(new SimpleConditionEvent(javaClass, first,
                        javaClass.getName() + (first ? " starts" : " does not start") + " with IncidentId incidentId"));
            }
        };
    }

    private static DescribedPredicate<JavaClass> haveAComponentAnnotatedWith(
            Class<TargetAggregateIdentifier> annotation) {
        return new DescribedPredicate<>("have a field annotated with @" + annotation.getSimpleName()) {
            @Override
            public boolean test(JavaClass javaClass) {
                return javaClass.getFields().stream().anyMatch(field -> field.isAnnotatedWith(annotation));
            }
        };
    }
}
