package org.rootposture.lab.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Answers that change from call to call: each key walks through its values, one per call, the last one repeating. */
public final class Sequences {

    private final Map<String, Integer> calls = new HashMap<>();

    public synchronized <T> T next(String key, List<T> values) {
        int call = calls.merge(key, 1, Integer::sum);
        return values.get(Math.min(call, values.size()) - 1);
    }
}
