package org.rootposture.internal.evidence;

import java.nio.file.Path;

/** An evidence snapshot that cannot be read or written: the message names the file and the problem. */
public final class SnapshotException extends RuntimeException {

    public SnapshotException(Path file, String problem) {
        super("The evidence snapshot " + file.toAbsolutePath() + " " + problem);
    }

    public SnapshotException(Path file, String problem, Throwable cause) {
        super("The evidence snapshot " + file.toAbsolutePath() + " " + problem, cause);
    }
}
