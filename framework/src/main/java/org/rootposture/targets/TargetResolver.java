package org.rootposture.targets;

import static org.rootposture.evidence.AwsCalls.call;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.rootposture.evidence.LiveOrganization;
import org.rootposture.session.AwsClients;
import org.rootposture.settings.Settings;
import org.rootposture.settings.Settings.TargetFilters;
import org.rootposture.settings.Settings.TargetSpec;
import org.rootposture.settings.SettingsException;

import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountStatus;
import software.amazon.awssdk.services.organizations.model.Parent;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Turns {@code rootposture.targets} and the include/exclude filters into the accounts to check, with the role to
 * assume in each. An empty result is a configuration error that says why.
 */
public final class TargetResolver {

    private final Settings settings;
    private final AwsClients caller;
    private final LiveOrganization organization;

    public TargetResolver(Settings settings, AwsClients caller, LiveOrganization organization) {
        this.settings = settings;
        this.caller = caller;
        this.organization = organization;
    }

    public Targets resolve() {
        GetCallerIdentityResponse identity = call("sts:GetCallerIdentity", () -> caller.client(StsClient.class).getCallerIdentity());
        String partition = identity.arn().split(":")[1];
        String callerId = identity.account();
        List<Target> candidates = new ArrayList<>();
        List<Targets.Skipped> skipped = new ArrayList<>();
        TargetSpec spec = settings.targets();
        if (spec instanceof TargetSpec.Organization) {
            for (Account account : organizationAccounts()) {
                Target target = new Target(account.id(), Optional.ofNullable(account.name()), role(partition, callerId, account.id()));
                if (account.status() == AccountStatus.ACTIVE) {
                    candidates.add(target);
                } else {
                    skipped.add(new Targets.Skipped(target, "the account is " + account.statusAsString()
                            + " in the organization, so it cannot be checked (organizations:ListAccounts)"));
                }
            }
        } else if (spec instanceof TargetSpec.Accounts list) {
            list.accountIds().forEach(id -> candidates.add(new Target(id, Optional.empty(), role(partition, callerId, id))));
        } else if (spec instanceof TargetSpec.Terraform terraform) {
            candidates.addAll(TerraformOutputs.read(terraform.outputsFile(), terraform.outputName(), id -> role(partition, callerId, id)));
        } else {
            candidates.add(new Target(callerId, alias(), Optional.empty()));
        }
        Predicate<Target> filtered = filter(settings.filters());
        Predicate<Target> kept = settings.shard().map(shard -> filtered.and(target -> shard.includes(target.accountId()))).orElse(filtered);
        List<Target> accounts = candidates.stream().filter(kept).toList();
        if (accounts.isEmpty()) {
            throw new SettingsException("No account to check: " + describe(spec) + " gave " + candidates.size() + " active account(s)"
                    + (settings.filters().isEmpty() ? "" : " and the include/exclude filters " + settings.filters() + " kept none")
                    + settings.shard().map(shard -> "; shard " + shard + " holds none of " + candidates.stream().filter(filtered).count()
                            + " (use fewer shards)").orElse(""));
        }
        return new Targets(partition, callerId, accounts, skipped.stream().filter(s -> kept.test(s.target())).toList());
    }

    private List<Account> organizationAccounts() {
        return call("organizations:ListAccounts", () -> caller.client(OrganizationsClient.class).listAccountsPaginator().stream()
                .flatMap(page -> page.accounts().stream())
                .sorted(Comparator.comparing(Account::id))
                .toList());
    }

    private Predicate<Target> filter(TargetFilters filters) {
        Predicate<Target> kept = target -> filters.includeAccounts().isEmpty() || filters.includeAccounts().contains(target.accountId());
        kept = kept.and(target -> !filters.excludeAccounts().contains(target.accountId()));
        if (!filters.includeOus().isEmpty()) {
            kept = kept.and(target -> ancestors(target).stream().anyMatch(filters.includeOus()::contains));
        }
        if (!filters.excludeOus().isEmpty()) {
            kept = kept.and(target -> ancestors(target).stream().noneMatch(filters.excludeOus()::contains));
        }
        if (!filters.includeTags().isEmpty()) {
            kept = kept.and(target -> tags(target).stream().anyMatch(filters.includeTags()::contains));
        }
        if (!filters.excludeTags().isEmpty()) {
            kept = kept.and(target -> tags(target).stream().noneMatch(filters.excludeTags()::contains));
        }
        return kept;
    }

    private List<String> ancestors(Target target) {
        return organization.ancestors(target.accountId()).stream().map(Parent::id).toList();
    }

    private List<String> tags(Target target) {
        return organization.tags(target.accountId()).entrySet().stream().map(tag -> tag.getKey() + "=" + tag.getValue()).toList();
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

    private static String describe(TargetSpec spec) {
        if (spec instanceof TargetSpec.Organization) {
            return "rootposture.targets=organization";
        }
        if (spec instanceof TargetSpec.Terraform terraform) {
            return "output '" + terraform.outputName() + "' of " + terraform.outputsFile();
        }
        return "rootposture.targets";
    }
}
