package org.rootposture;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.rootposture.evidence.AccountIdentity;
import org.rootposture.evidence.LiveAccountEvidence;
import org.rootposture.session.Sessions;
import org.rootposture.settings.Settings;
import org.rootposture.targets.Target;
import org.rootposture.targets.TargetResolver;
import org.rootposture.targets.Targets;

/**
 * One posture run: settings read once, targets resolved once, one {@link AwsAccount} per target with its sessions
 * and cached evidence. Lives in the JUnit root store and is closed, with every SDK client, at the end of the run.
 */
final class Run implements AutoCloseable {

    private final Settings settings;
    private final Sessions sessions;
    private final Targets targets;
    private final Clock clock;
    private final Map<String, AwsAccount> accounts = new ConcurrentHashMap<>();

    Run(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.sessions = new Sessions(settings);
        try {
            this.targets = new TargetResolver(settings, sessions.caller()).resolve();
        } catch (RuntimeException e) {
            sessions.close();
            throw e;
        }
    }

    List<AwsAccount> accounts() {
        return targets.accounts().stream().map(this::account).toList();
    }

    private AwsAccount account(Target target) {
        return accounts.computeIfAbsent(target.accountId(), id -> new AwsAccount(
                target,
                settings.region(),
                sessions.account(id, target.roleArn()),
                new LiveAccountEvidence(new AccountIdentity(id, targets.partition()), sessions.account(id, target.roleArn()),
                        settings.credentialReportTimeout(), clock),
                settings.usageWindow(),
                clock));
    }

    @Override
    public void close() {
        sessions.close();
    }
}
