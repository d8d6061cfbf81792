package org.rootposture.settings;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.auth.credentials.AwsCredentials;

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
 * @param lab                 the local lab the run uses instead of AWS, if any ({@code demo})
 * @param filters             include and exclude filters on the target accounts
 * @param shard               the part of the targets this runner checks, if the run is split across runners
 * @param concurrency         how many accounts are read at once
 * @param regions             regions for per-region controls; empty: each account's enabled regions
 * @param await               how long to wait for settling evidence; empty: read once
 * @param waivers             the accepted-risk file, if any
 * @param record              the evidence snapshot to write at the end of the run, if any
 * @param replay              the evidence snapshot to evaluate instead of AWS, if any
 * @param accountBudget       total time all AWS calls for one account may take, if bounded
 * @param evidenceNotBefore   the deployment's start: a credential report generated before it is stale
 * @param rootSessions        whether member accounts' root users may be read through {@code sts:AssumeRoot} audit sessions
 * @param rootEmailDomains    the organization's mail domains, lower case; empty: none given
 * @param rootAccessRevokedOn the day someone's access to the root user was last revoked, if given
 * @param credentials         the caller's credentials as an in-process launcher handed them over; empty: the AWS SDK's default chain
 * @param given               each given setting as the user wrote it, with its value ({@code --include-ous ou-ab12-cd34ef56},
 *                            {@code rootposture.include-ous=ou-ab12-cd34ef56}, {@code ROOTPOSTURE_INCLUDE_OUS=…}, or
 *                            {@code rootposture.include-ous=… in FILE}), for messages
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
        Optional<String> lab,
        TargetFilters filters,
        Optional<Shard> shard,
        int concurrency,
        List<String> regions,
        Optional<Duration> await,
        Optional<Path> waivers,
        Optional<Path> record,
        Optional<Path> replay,
        Optional<Duration> accountBudget,
        Optional<Instant> evidenceNotBefore,
        boolean rootSessions,
        List<String> rootEmailDomains,
        Optional<LocalDate> rootAccessRevokedOn,
        Optional<AwsCredentials> credentials,
        Map<Setting, String> given) {

    public Settings {
        regions = List.copyOf(regions);
        rootEmailDomains = List.copyOf(rootEmailDomains);
        given = Map.copyOf(given);
    }

    /** The setting with its value as the user wrote it, such as {@code --include-ous ou-ab12-cd34ef56}. */
    public String given(Setting setting) {
        return given.getOrDefault(setting, setting.property());
    }

    /**
     * One of n parts of the target accounts: an account belongs to shard {@code 1 + id mod n}, so every runner of a
     * CI matrix computes the same split without talking to the others, and each account is checked exactly once.
     *
     * @param index 1 to count
     * @param count how many shards
     */
    public record Shard(int index, int count) {

        public boolean includes(String accountId) {
            return Long.parseLong(accountId) % count == index - 1;
        }

        @Override
        public String toString() {
            return index + "/" + count;
        }
    }

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

        /** The accounts or role ARNs in one output of {@code terraform output -json}. */
        record Terraform(Path outputsFile, String outputName) implements TargetSpec { }
    }

    /**
     * Include and exclude filters on target accounts; an empty include list includes everything.
     *
     * @param includeAccounts account ids to keep
     * @param excludeAccounts account ids to drop
     * @param includeOus      organizational units (nested included) whose accounts to keep
     * @param excludeOus      organizational units (nested included) whose accounts to drop
     * @param includeTags     tags (key=value) of which an account must carry one
     * @param excludeTags     tags (key=value) of which an account must carry none
     */
    public record TargetFilters(List<String> includeAccounts, List<String> excludeAccounts, List<String> includeOus,
                                List<String> excludeOus, List<String> includeTags, List<String> excludeTags) {

        public TargetFilters {
            includeAccounts = List.copyOf(includeAccounts);
            excludeAccounts = List.copyOf(excludeAccounts);
            includeOus = List.copyOf(includeOus);
            excludeOus = List.copyOf(excludeOus);
            includeTags = List.copyOf(includeTags);
            excludeTags = List.copyOf(excludeTags);
        }

        public static TargetFilters none() {
            return new TargetFilters(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        }

        /** Whether any filter needs the organization's structure (OUs or tags). */
        public boolean needsOrganization() {
            return !(includeOus.isEmpty() && excludeOus.isEmpty() && includeTags.isEmpty() && excludeTags.isEmpty());
        }

        public boolean isEmpty() {
            return includeAccounts.isEmpty() && excludeAccounts.isEmpty() && !needsOrganization();
        }
    }

    /** The SDK retry modes a run may use. */
    public enum RetryModeSetting { STANDARD, ADAPTIVE, LEGACY }
}
