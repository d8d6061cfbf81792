package org.rootposture.settings;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything a run is configured with, read once (see {@link SettingsReader}) and never changed.
 *
 * @param targets             which accounts to check
 * @param roleName            role assumed in member accounts
 * @param roleArn             role assumed for the caller target, if any
 * @param externalId          external id for role assumption, if any
 * @param sessionName         role session name
 * @param region              region for API calls
 * @param endpoint            one endpoint for every AWS service, if any (a lab)
 * @param usageWindow         window of {@code root.usage.none-recent}
 * @param credentialReportTimeout bound on waiting for the credential report
 * @param maxAttempts         attempts per AWS call
 * @param retryMode           SDK retry mode
 * @param callTimeout         bound on one AWS call including retries
 * @param lab                 the local lab in use, if any ({@code demo})
 */
public record Settings(
        TargetSpec targets,
        String roleName,
        Optional<String> roleArn,
        Optional<String> externalId,
        String sessionName,
        String region,
        Optional<URI> endpoint,
        Duration usageWindow,
        Duration credentialReportTimeout,
        int maxAttempts,
        RetryModeSetting retryMode,
        Duration callTimeout,
        Optional<String> lab) {

    /** Which accounts a run checks. */
    public sealed interface TargetSpec {
        /** The account of the caller's credentials (or of {@code rootposture.role-arn}). */
        record Caller() implements TargetSpec { }

        /** Every ACTIVE account of the caller's organization. */
        record Organization() implements TargetSpec { }

        /** Exactly these accounts. */
        record Accounts(List<String> accountIds) implements TargetSpec {
            public Accounts {
                accountIds = List.copyOf(accountIds);
            }
        }
    }

    /** The SDK retry modes a run may use. */
    public enum RetryModeSetting { STANDARD, ADAPTIVE, LEGACY }
}
