package org.rootposture.internal.session;

import java.util.function.Supplier;

/** A value computed at most once, including when computing it failed: a failure is remembered and rethrown. */
public final class Memo<T> implements Supplier<T> {

    private final Supplier<T> source;
    private T value;
    private RuntimeException failure;
    private boolean done;

    public Memo(Supplier<T> source) {
        this.source = source;
    }

    @Override
    public synchronized T get() {
        if (!done) {
            try {
                value = source.get();
            } catch (RuntimeException e) {
                failure = e;
            }
            done = true;
        }
        if (failure != null) {
            throw failure;
        }
        return value;
    }
}
