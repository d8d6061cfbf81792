package org.rootposture.contract;

import java.net.URI;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A local, AWS-compatible lab that a posture run uses instead of AWS when its settings name it
 * ({@code rootposture.lab=demo}, the runner's {@code --demo}). The framework finds it with {@link ServiceLoader} on
 * the class path and never depends on the module that provides it; the run starts it, points every SDK client at it
 * with its caller's credentials, and closes it at its end. No system property is set.
 *
 * <pre>
 * // META-INF/services/org.rootposture.contract.LocalLab of the lab module
 * org.rootposture.lab.DemoLab
 * </pre>
 */
public interface LocalLab {

    /** The name a run asks for, such as {@code demo}. */
    String name();

    /** The region the run uses when its settings name none. */
    String region();

    /** Starts the lab for one run. */
    Running start();

    /** A started lab: where it listens and the credentials of the account a run calls it as. */
    interface Running extends AutoCloseable {

        URI endpoint();

        String accessKeyId();

        String secretAccessKey();

        @Override
        void close();
    }

    /** The lab of that name on the class path of the current thread, if any. */
    static Optional<LocalLab> named(String name) {
        return ServiceLoader.load(LocalLab.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(lab -> lab.name().equals(name))
                .findFirst();
    }
}
