package org.rootposture.evidence;

import java.nio.file.Path;

/** An evidence snapshot that cannot be read or written: the message names the file and the problem. */
public final class SnapshotException extends RuntimeException {

    public SnapshotException(Path file, String problem) {
        super("evidence snapshot " + file + ": " + problem);
    }

    public SnapshotException(Path file, String problem, Throwable cause) {
        super("evidence snapshot " + file + ": " + problem, cause);
    }
}
