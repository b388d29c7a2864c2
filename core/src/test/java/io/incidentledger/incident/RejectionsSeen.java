package io.incidentledger.incident;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/**
 * Matches an {@link IncidentRejected} by code and remembers every code a test really saw, so that
 * a rejection code no test produces is reported instead of silently going untested.
 */
final class RejectionsSeen {

    private static final Set<Rejection> SEEN = Collections.synchronizedSet(EnumSet.noneOf(Rejection.class));

    private RejectionsSeen() {
    }

    static Matcher<Throwable> rejectedWith(Rejection code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable thrown) {
                boolean matches = thrown instanceof IncidentRejected rejected
                        && rejected.rejection() == code
                        && rejected.getMessage().startsWith(code.message());
                if (matches) {
                    SEEN.add(code);
                }
                return matches;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("IncidentRejected with code " + code + " and message starting '"
                        + code.message() + "'");
            }

            @Override
            protected void describeMismatchSafely(Throwable thrown, Description description) {
                description.appendText("was " + thrown.getClass().getSimpleName()
                        + (thrown instanceof IncidentRejected rejected ? " " + rejected.rejection() : "")
                        + ": " + thrown.getMessage());
            }
        };
    }

    static Set<Rejection> unseen() {
        var unseen = EnumSet.allOf(Rejection.class);
        unseen.removeAll(SEEN);
        return unseen;
    }
}
