package org.rootposture.targets;

import static org.rootposture.evidence.AwsCalls.call;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.rootposture.session.AwsClients;
import org.rootposture.settings.Settings;
import org.rootposture.settings.Settings.TargetSpec;

import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountStatus;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** Turns the {@code rootposture.targets} setting into the list of accounts to check, with the role to assume in each. */
public final class TargetResolver {

    private final Settings settings;
    private final AwsClients caller;

    public TargetResolver(Settings settings, AwsClients caller) {
        this.settings = settings;
        this.caller = caller;
    }

    public Targets resolve() {
        GetCallerIdentityResponse identity = call("sts:GetCallerIdentity", () -> caller.client(StsClient.class).getCallerIdentity());
        String partition = identity.arn().split(":")[1];
        String callerId = identity.account();
        return new Targets(partition, callerId, accounts(settings.targets(), partition, callerId));
    }

    private List<Target> accounts(TargetSpec spec, String partition, String callerId) {
        if (spec instanceof TargetSpec.Accounts list) {
            return list.accountIds().stream().map(id -> new Target(id, Optional.empty(), role(partition, callerId, id))).toList();
        }
        if (spec instanceof TargetSpec.Organization) {
            return organization(partition, callerId);
        }
        return List.of(new Target(callerId, alias(), Optional.empty()));
    }

    private List<Target> organization(String partition, String callerId) {
        return call("organizations:ListAccounts", () -> caller.client(OrganizationsClient.class).listAccountsPaginator().stream()
                .flatMap(page -> page.accounts().stream())
                .filter(account -> account.status() == AccountStatus.ACTIVE)
                .sorted(Comparator.comparing(Account::id))
                .map(account -> new Target(account.id(), Optional.ofNullable(account.name()), role(partition, callerId, account.id())))
                .toList());
    }

    private Optional<String> role(String partition, String callerId, String accountId) {
        return accountId.equals(callerId)
                ? Optional.empty()
                : Optional.of("arn:" + partition + ":iam::" + accountId + ":role/" + settings.roleName());
    }

    private Optional<String> alias() {
        try {
            return caller.client(IamClient.class).listAccountAliases().accountAliases().stream().findFirst();
        } catch (RuntimeException aliasIsOnlyADisplayName) {
            return Optional.empty();
        }
    }
}
