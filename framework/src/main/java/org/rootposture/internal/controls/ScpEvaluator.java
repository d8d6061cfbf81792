package org.rootposture.internal.controls;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.rootposture.evidence.AccountIdentity;
import org.rootposture.evidence.ScpChain;

import software.amazon.awssdk.policybuilder.iam.IamAction;
import software.amazon.awssdk.policybuilder.iam.IamCondition;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamResource;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/**
 * Judges each SCP statement in an account's chain: does it deny the account's root user every action, outright or
 * when MFA is absent? A qualifying statement is a Deny on every action ({@code *}, or {@code NotAction} with a short
 * exempt list, which the finding names) and every resource, whose only conditions select the root principal
 * ({@code aws:PrincipalArn} matching this account's root ARN, through {@code StringLike}, {@code StringEquals},
 * {@code ArnLike} or {@code ArnEquals}) and, for the MFA variant, {@code BoolIfExists aws:MultiFactorAuthPresent = false}.
 * {@code Bool} instead of {@code BoolIfExists} is judged apart: requests signed with long-term credentials (root access
 * keys) carry no {@code aws:MultiFactorAuthPresent}, and {@code Bool} does not match a missing key, so such a statement
 * leaves root's access-key requests allowed. Any other condition narrows the statement, so it does not qualify.
 * Policy JSON is parsed by the AWS SDK's {@code iam-policy-builder}.
 */
final class ScpEvaluator {

    static final int LONGEST_EXEMPT_LIST = 5;
    private static final Set<String> ARN_OPERATORS = Set.of("stringlike", "stringequals", "arnlike", "arnequals");

    private ScpEvaluator() {
    }

    static ScpAssessment assess(ScpChain chain, AccountIdentity account) {
        List<ScpAssessment.Finding> findings = new ArrayList<>();
        for (ScpChain.Level level : chain.levels()) {
            String where = describe(level);
            for (ScpChain.Policy policy : level.policies()) {
                findings.addAll(assess(where, policy, account));
            }
        }
        return new ScpAssessment(chain.path(), findings, chain.provenance());
    }

    private static List<ScpAssessment.Finding> assess(String where, ScpChain.Policy policy, AccountIdentity account) {
        IamPolicy parsed;
        try {
            parsed = IamPolicy.fromJson(policy.document());
        } catch (RuntimeException e) {
            return List.of(new ScpAssessment.Finding(where, policy.id(), policy.name(), "-", ScpAssessment.Effect.UNREADABLE,
                    "the policy document cannot be parsed (" + e.getMessage() + ")"));
        }
        List<ScpAssessment.Finding> findings = new ArrayList<>();
        List<IamStatement> statements = parsed.statements();
        for (int i = 0; i < statements.size(); i++) {
            IamStatement statement = statements.get(i);
            String name = statement.sid() == null ? "#" + (i + 1) : "'" + statement.sid() + "'";
            Judgement judgement = judge(statement, account);
            findings.add(new ScpAssessment.Finding(where, policy.id(), policy.name(), name, judgement.effect(), judgement.why()));
        }
        return findings;
    }

    private record Judgement(ScpAssessment.Effect effect, String why) {
        static Judgement none(String why) {
            return new Judgement(ScpAssessment.Effect.NONE, why);
        }
    }

    private static Judgement judge(IamStatement statement, AccountIdentity account) {
        if (!IamEffect.DENY.equals(statement.effect())) {
            return Judgement.none("it allows (" + statement.effect().value() + "), it does not deny");
        }
        if (!statement.notResources().isEmpty()
                || !statement.resources().stream().map(IamResource::value).allMatch("*"::equals)) {
            return Judgement.none("it denies only on some resources " + statement.resources().stream().map(IamResource::value).toList()
                    + statement.notResources().stream().map(IamResource::value).map(r -> "not " + r).toList());
        }
        String actions = actions(statement);
        if (actions == null) {
            return Judgement.none("it denies only " + statement.actions().stream().map(IamAction::value).toList());
        }
        Map<String, List<IamCondition>> byKey = statement.conditions().stream()
                .collect(Collectors.groupingBy(condition -> condition.key().value().toLowerCase(Locale.ROOT)));
        List<IamCondition> principal = byKey.remove("aws:principalarn");
        List<IamCondition> mfa = byKey.remove("aws:multifactorauthpresent");
        if (!byKey.isEmpty()) {
            return Judgement.none("it is further conditioned on " + byKey.keySet() + ", so it does not deny root in every case");
        }
        String rootArn = account.rootArn();
        String selects;
        if (principal == null) {
            selects = "every principal, root included";
        } else {
            if (!selectsRoot(principal, rootArn)) {
                return Judgement.none("its aws:PrincipalArn condition " + describe(principal) + " does not select " + rootArn);
            }
            selects = "aws:PrincipalArn " + describe(principal);
        }
        if (mfa == null) {
            return new Judgement(ScpAssessment.Effect.DENIES_ROOT, "Deny " + actions + " on every resource for " + selects);
        }
        if (!mfa.stream().allMatch(condition -> condition.value().equalsIgnoreCase("false"))) {
            return Judgement.none("its aws:MultiFactorAuthPresent condition " + describe(mfa) + " is not a denial without MFA");
        }
        List<String> operators = mfa.stream().map(condition -> condition.operator().value().toLowerCase(Locale.ROOT)).distinct().toList();
        String denial = "Deny " + actions + " on every resource for " + selects;
        if (operators.equals(List.of("boolifexists"))) {
            return new Judgement(ScpAssessment.Effect.DENIES_ROOT_WITHOUT_MFA, denial + " when BoolIfExists aws:MultiFactorAuthPresent is false");
        }
        if (operators.stream().allMatch(operator -> operator.equals("bool") || operator.equals("boolifexists"))) {
            return new Judgement(ScpAssessment.Effect.DENIES_ROOT_WITHOUT_MFA_WITH_BOOL, denial + " only when Bool aws:MultiFactorAuthPresent "
                    + "is false: a request signed with root access keys carries no aws:MultiFactorAuthPresent, and Bool does not match a missing "
                    + "key, so it is not denied");
        }
        return Judgement.none("its aws:MultiFactorAuthPresent condition " + describe(mfa) + " is not a denial without MFA");
    }

    private static String actions(IamStatement statement) {
        if (statement.actions().stream().map(IamAction::value).anyMatch("*"::equals)) {
            return "*";
        }
        if (statement.actions().isEmpty() && !statement.notActions().isEmpty() && statement.notActions().size() <= LONGEST_EXEMPT_LIST) {
            return "every action except " + statement.notActions().stream().map(IamAction::value).toList();
        }
        return null;
    }

    private static boolean selectsRoot(List<IamCondition> principal, String rootArn) {
        Map<String, List<IamCondition>> byOperator = principal.stream()
                .collect(Collectors.groupingBy(condition -> condition.operator().value().toLowerCase(Locale.ROOT).replace("ifexists", "")));
        return byOperator.entrySet().stream().allMatch(group -> {
            String operator = group.getKey();
            boolean negated = operator.contains("not");
            String positive = operator.replace("not", "");
            if (!ARN_OPERATORS.contains(positive)) {
                return false;
            }
            boolean anyMatches = group.getValue().stream().anyMatch(condition -> matches(positive, condition.value(), rootArn));
            return negated != anyMatches;
        });
    }

    private static boolean matches(String operator, String value, String rootArn) {
        if (operator.equals("stringequals")) {
            return value.equals(rootArn);
        }
        return glob(value).matcher(rootArn).matches();
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(switch (c) {
                case '*' -> ".*";
                case '?' -> ".";
                default -> Pattern.quote(String.valueOf(c));
            });
        }
        return Pattern.compile(regex.toString());
    }

    private static String describe(List<IamCondition> conditions) {
        return conditions.stream().map(c -> c.operator().value() + " " + c.value()).collect(Collectors.joining(" or "));
    }

    private static String describe(ScpChain.Level level) {
        return switch (level.type()) {
            case "ROOT" -> "the organization root (" + level.targetId() + ")";
            case "ORGANIZATIONAL_UNIT" -> "OU " + level.name() + " (" + level.targetId() + ")";
            default -> "the account";
        };
    }
}
