package org.rootposture.lab.protocol;

import java.util.List;

public record Page<T>(List<T> items, String nextToken) {

    private static final String PREFIX = "lab-page-";

    public static <T> Page<T> of(List<T> all, String token, String requestedSize, int defaultSize) {
        int size = size(requestedSize, defaultSize);
        int from = offset(token, all.size());
        int to = Math.min(all.size(), from + size);
        return new Page<>(all.subList(from, to), to < all.size() ? PREFIX + to : null);
    }

    public boolean truncated() {
        return nextToken != null;
    }

    private static int size(String requested, int defaultSize) {
        if (requested == null || requested.isBlank()) {
            return defaultSize;
        }
        int size = number(requested);
        if (size < 1) {
            throw LabError.invalidInput("Invalid page size " + requested + ": it must be a positive number");
        }
        return size;
    }

    private static int offset(String token, int total) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        int offset = token.startsWith(PREFIX) ? number(token.substring(PREFIX.length())) : -1;
        if (offset < 0 || offset > total) {
            throw LabError.invalidInput("Invalid pagination token " + token);
        }
        return offset;
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
