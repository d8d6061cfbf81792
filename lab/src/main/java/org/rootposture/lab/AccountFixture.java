package org.rootposture.lab;

import java.util.List;
import java.util.Map;

/**
 * One account of a fixture and everything the lab answers about it.
 *
 * @param id                12-digit account id
 * @param name              account name (default {@code account-<id>})
 * @param email             account email (default {@code <name>@example.com})
 * @param status            organization status: {@code ACTIVE} (default), {@code SUSPENDED} or {@code PENDING_CLOSURE}
 * @param assumable         whether {@code sts:AssumeRole} into this account succeeds (default true)
 * @param joinedMethod      {@code INVITED} or {@code CREATED} (default {@code INVITED} for the management account,
 *                          {@code CREATED} otherwise)
 * @param joinedTimestamp   time value of joining the organization (default {@code -P365D})
 * @param aliases           account aliases
 * @param accountSummary    {@code iam:GetAccountSummary} entries; null entries are left out (default: the four root
 *                          entries {@code AccountMFAEnabled}, {@code AccountAccessKeysPresent},
 *                          {@code AccountSigningCertificatesPresent}, {@code AccountPasswordPresent} at 0)
 * @param credentialReport  the IAM credential report
 * @param virtualMfaDevices the account's virtual MFA devices
 * @param alternateContacts alternate contacts keyed by type: {@code SECURITY}, {@code BILLING}, {@code OPERATIONS}
 * @param faults            errors injected into this account's answers
 * @param parentId          the root's id or an OU's id (default the root)
 * @param tags              the account's tags in Organizations
 * @param rootCredentials   the root user's credentials, as a root session sees them (default none)
 * @param monitoring        root activity monitoring: regions, CloudTrail, the CIS alarm chain and AWS Config
 */
public record AccountFixture(
        String id,
        String name,
        String email,
        String status,
        Boolean assumable,
        String joinedMethod,
        String joinedTimestamp,
        List<String> aliases,
        Map<String, Integer> accountSummary,
        CredentialReportFixture credentialReport,
        List<VirtualMfaDeviceFixture> virtualMfaDevices,
        Map<String, AlternateContactFixture> alternateContacts,
        List<FaultFixture> faults,
        String parentId,
        Map<String, String> tags,
        RootCredentialsFixture rootCredentials,
        MonitoringFixture monitoring) {

    static final Map<String, Integer> DEFAULT_ACCOUNT_SUMMARY = Map.of(
            "AccountMFAEnabled", 0, "AccountAccessKeysPresent", 0, "AccountSigningCertificatesPresent", 0, "AccountPasswordPresent", 0);

    public AccountFixture {
        name = name == null ? "account-" + id : name;
        email = email == null ? name + "@example.com" : email;
        status = status == null ? "ACTIVE" : status;
        assumable = assumable == null ? Boolean.TRUE : assumable;
        joinedTimestamp = joinedTimestamp == null ? "-P365D" : joinedTimestamp;
        aliases = Copies.list(aliases);
        accountSummary = accountSummary == null ? DEFAULT_ACCOUNT_SUMMARY : Copies.mapWithoutNulls(accountSummary);
        credentialReport = credentialReport == null ? CredentialReportFixture.DEFAULT : credentialReport;
        virtualMfaDevices = Copies.list(virtualMfaDevices);
        alternateContacts = Copies.mapWithoutNulls(alternateContacts);
        faults = Copies.list(faults);
        tags = Copies.mapWithoutNulls(tags);
        rootCredentials = rootCredentials == null ? RootCredentialsFixture.NONE : rootCredentials;
        monitoring = monitoring == null ? MonitoringFixture.NONE : monitoring;
    }
}
