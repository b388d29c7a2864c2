package io.incidentledger;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a random port with a database of its own (H2, or PostgreSQL in the
 * PostgreSQL pass: see {@link io.incidentledger.testing.TestDatabase}). Every test class
 * with exactly this annotation shares one running application (Spring caches the context), so
 * tests create their own incidents and never assume an empty store.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = IncidentLedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public @interface ApplicationTest {
}
