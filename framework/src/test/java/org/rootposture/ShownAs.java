package org.rootposture;

import org.assertj.core.api.Condition;
import org.junit.platform.testkit.engine.Event;

/** Test events by what JUnit shows for an invocation: {@code control · account · name · region}, ending as given. */
public final class ShownAs {

    private ShownAs() {
    }

    /** The invocation about this account (and region): its display name ends with {@code where}. */
    public static Condition<Event> shownAs(String where) {
        return new Condition<>(event -> event.getTestDescriptor().getDisplayName().endsWith(where), "shown as … %s", where);
    }
}
