package io.incidentledger.reliability;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints the reliability figures after the last test of a run (registered in
 * META-INF/services), so one line sums up every reliability test of the pass, whichever ran.
 */
public class ReliabilitySummary implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (Tally.anything()) {
            System.out.println(Tally.summary());
        }
    }
}
