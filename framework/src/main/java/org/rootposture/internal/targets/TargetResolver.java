package org.rootposture.internal.targets;

import static org.rootposture.internal.session.AwsCalls.call;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.rootposture.internal.directory.OrganizationDirectory;
import org.rootposture.internal.session.AwsClients;
import org.rootposture.settings.Setting;
import org.rootposture.settings.Settings.TargetFilters;
import org.rootposture.settings.Settings.TargetSpec;
import org.rootposture.settings.Settings;
import org.rootposture.settings.SettingsException;

import software.amazon.awssdk.services.iam.IamClient;
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
    private final OrganizationDirectory directory;

    public TargetResolver(Settings settings, AwsClients caller, OrganizationDirectory directory) {
        this.settings = settings;
        this.caller = caller;
        this.directory = directory;
    }

    /**
     * Reads what the targets take from files (the Terraform outputs), so that a wrong file stops a run before any AWS
     * call.
     *
     * @throws SettingsException naming the file, the line and what is wrong
     */
    public static void check(Settings settings) {
        if (settings.targets() instanceof TargetSpec.Terraform terraform) {
            TerraformOutputs.read(terraform.outputsFile(), terraform.outputName());
        }
    }

    public Targets resolve() {
        List<Target> fromTerraform = settings.targets() instanceof TargetSpec.Terraform terraform
                ? TerraformOutputs.read(terraform.outputsFile(), terraform.outputName()) : List.of();
        GetCallerIdentityResponse identity = call("sts:GetCallerIdentity", () -> caller.client(StsClient.class).getCallerIdentity());
        String partition = identity.arn().split(":")[1];
        String callerId = identity.account();
        List<Target> candidates = new ArrayList<>();
        List<Targets.Skipped> skipped = new ArrayList<>();
        TargetSpec spec = settings.targets();
        if (spec instanceof TargetSpec.Organization) {
            for (Account account : directory.accounts()) {
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
        } else if (spec instanceof TargetSpec.Terraform) {
            fromTerraform.forEach(target -> candidates.add(target.roleArn().isPresent() ? target
                    : new Target(target.accountId(), target.name(), role(partition, callerId, target.accountId()))));
        } else {
            candidates.add(new Target(callerId, alias(), Optional.empty()));
        }
        Predicate<Target> filtered = filter(settings.filters());
        Predicate<Target> kept = settings.shard().map(shard -> filtered.and(target -> shard.includes(target.accountId()))).orElse(filtered);
        List<Target> accounts = candidates.stream().filter(kept).toList();
        if (accounts.isEmpty()) {
            long passing = candidates.stream().filter(filtered).count();
            throw new SettingsException("No account to check: " + describe(spec, candidates)
                    + (candidates.isEmpty() || passing > 0 ? "" : (candidates.size() == 1 ? " and it does not pass " : " and none of them passes ") + filters())
                    + (passing == 0 ? "." : "; " + settings.given(Setting.SHARD) + " holds none of the " + passing + " (use fewer shards)."));
        }
        return new Targets(partition, callerId, accounts, skipped.stream().filter(s -> kept.test(s.target())).toList());
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
        return directory.ancestors(target.accountId()).stream().map(Parent::id).toList();
    }

    private List<String> tags(Target target) {
        return directory.tags(target.accountId()).entrySet().stream().map(tag -> tag.getKey() + "=" + tag.getValue()).toList();
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

    private String describe(TargetSpec spec, List<Target> candidates) {
        String accounts = candidates.size() == 1 ? "1 account" : candidates.size() + " accounts";
        if (spec instanceof TargetSpec.Organization) {
            return "the organization has " + (candidates.size() == 1 ? "1 active account" : candidates.size() + " active accounts");
        }
        if (spec instanceof TargetSpec.Terraform terraform) {
            return "output '" + terraform.outputName() + "' of " + terraform.outputsFile().toAbsolutePath() + " holds " + accounts;
        }
        if (spec instanceof TargetSpec.Accounts) {
            return settings.given(Setting.TARGETS) + " lists " + accounts;
        }
        return "the run checks the caller's own account, " + candidates.get(0).accountId();
    }

    /** The include and exclude filters given, as the user wrote them. */
    private String filters() {
        return Stream.of(Setting.INCLUDE_ACCOUNTS, Setting.EXCLUDE_ACCOUNTS, Setting.INCLUDE_OUS, Setting.EXCLUDE_OUS, Setting.INCLUDE_TAGS,
                        Setting.EXCLUDE_TAGS)
                .filter(settings.given()::containsKey)
                .map(settings::given)
                .collect(Collectors.joining(" and "));
    }
}
