package org.rootposture.internal;

import org.rootposture.AwsAccount;
import org.rootposture.internal.controls.ControlDefinition;
import org.rootposture.internal.controls.Verdict;

/**
 * The posture check running on this thread: what Root Posture's assertions hand their verdicts to. Not an API for
 * teams; the assertions in {@code org.rootposture.assertions} are.
 *
 * <pre>
 * Check.current().judge(account, control.definition(), control.evaluate(account.evidence(), account.context()));
 * </pre>
 */
public interface Check {

    /**
     * Takes one assertion's verdict: its evidence is attached to the running result, and the check's own verdict is the
     * worst of all it was given when its body ends.
     */
    void judge(AwsAccount account, ControlDefinition control, Verdict verdict);

    /** The check running on this thread. */
    static Check current() {
        Check check = Running.CHECK.get();
        if (check == null) {
            throw new IllegalStateException("Root Posture assertions run inside a @ForEachAccount method (or one carrying a"
                    + " control annotation), on the thread JUnit runs it on");
        }
        return check;
    }

    /** Makes {@code check} the running check of this thread until the returned scope is closed. */
    static Scope run(Check check) {
        Check previous = Running.CHECK.get();
        Running.CHECK.set(check);
        return () -> Running.CHECK.set(previous);
    }

    /** The time a check runs on a thread. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** Where each thread's running check is kept. */
    final class Running {
        private static final InheritableThreadLocal<Check> CHECK = new InheritableThreadLocal<>();

        private Running() {
        }
    }
}
