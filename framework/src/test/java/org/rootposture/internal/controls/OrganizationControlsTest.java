package org.rootposture.internal.controls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rootposture.internal.controls.StubEvidence.NOW;
import static org.rootposture.internal.controls.StubEvidence.READ;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rootposture.evidence.OrganizationFeatures;
import org.rootposture.evidence.RootCredentialsInventory;
import org.rootposture.evidence.ScpChain;

class OrganizationControlsTest {

    private static final EvaluationContext CONTEXT = new EvaluationContext(NOW, Duration.ofDays(90));
    private static final String ACCOUNT = "123456789012";
    private static final String MANAGEMENT = "111111111111";
    private static final ScpChain.Policy FULL_AWS_ACCESS = new ScpChain.Policy("p-FullAWSAccess", "FullAWSAccess", true,
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}");

    private static ScpChain.Policy scp(String name, String statements) {
        return new ScpChain.Policy("p-" + name.toLowerCase(), name, false, "{\"Version\":\"2012-10-17\",\"Statement\":" + statements + "}");
    }

    private static ScpChain chain(ScpChain.Policy atRoot, ScpChain.Policy atOu, ScpChain.Policy atAccount) {
        return new ScpChain(ACCOUNT, List.of(
                new ScpChain.Level("r-ab12", "ROOT", "Root", atRoot == null ? List.of(FULL_AWS_ACCESS) : List.of(FULL_AWS_ACCESS, atRoot)),
                new ScpChain.Level("ou-ab12-prod0001", "ORGANIZATIONAL_UNIT", "Production", atOu == null ? List.of(FULL_AWS_ACCESS) : List.of(FULL_AWS_ACCESS, atOu)),
                new ScpChain.Level(ACCOUNT, "ACCOUNT", ACCOUNT, atAccount == null ? List.of(FULL_AWS_ACCESS) : List.of(FULL_AWS_ACCESS, atAccount))), READ);
    }

    private static StubEvidence member(ScpChain chain) {
        return StubEvidence.account().organization(MANAGEMENT).chain(chain);
    }

    private static Verdict rootDenied(ScpChain chain) {
        return OrganizationControls.SCP_DENIES_ROOT.evaluate(member(chain), CONTEXT);
    }

    private static Verdict rootMfa(ScpChain chain) {
        return OrganizationControls.SCP_DENIES_ROOT_WITHOUT_MFA.evaluate(member(chain), CONTEXT);
    }

    @Nested
    class ScpDeniesRoot {

        @Test
        void aStatementObjectWithStringActionAndWildcardRootQualifiesAtTheRoot() {
            Verdict verdict = rootDenied(chain(scp("DenyRoot", "{\"Sid\":\"DenyRoot\",\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\","
                    + "\"Condition\":{\"StringLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:root\"}}}"), null, null));
            assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
            assertThat(verdict.reason()).contains("DenyRoot (p-denyroot) at the organization root (r-ab12), statement 'DenyRoot'",
                    "root r-ab12 → OU Production (ou-ab12-prod0001) → account 123456789012");
            assertThat(verdict.evidence()).hasSize(2).first().isInstanceOf(ScpAssessment.class);
        }

        @Test
        void aStatementListWithActionListAndTheAccountsOwnRootArnViaArnLikeQualifiesAtTheOu() {
            Verdict verdict = rootDenied(chain(null, scp("DenyThisRoot", "[{\"Effect\":\"Deny\",\"Action\":[\"*\"],\"Resource\":[\"*\"],"
                    + "\"Condition\":{\"ArnLike\":{\"aws:PrincipalArn\":[\"arn:aws:iam::123456789012:root\"]}}}]"), null));
            assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
            assertThat(verdict.reason()).contains("OU Production (ou-ab12-prod0001)", "statement #1");
        }

        @Test
        void anotherAccountsRootArnDoesNotSelectThisRoot() {
            Verdict verdict = rootDenied(chain(null, null, scp("DenyOtherRoot", "[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\","
                    + "\"Condition\":{\"ArnEquals\":{\"aws:PrincipalArn\":\"arn:aws:iam::999999999999:root\"}}}]")));
            assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(verdict.reason()).contains("does not select arn:aws:iam::123456789012:root");
        }

        @Test
        void notActionWithAShortExemptListQualifiesAndTheJudgementIsShown() {
            Verdict verdict = rootDenied(chain(null, null, scp("DenyRootExceptBilling", "[{\"Effect\":\"Deny\",\"NotAction\":[\"aws-portal:*\",\"account:*\"],"
                    + "\"Resource\":\"*\",\"Condition\":{\"StringLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:root\"}}}]")));
            assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
            assertThat(verdict.reason()).contains("every action except [aws-portal:*, account:*]");
        }

        @Test
        void notActionWithALongExemptListDoesNotQualify() {
            Verdict verdict = rootDenied(chain(null, null, scp("DenyRootMostly", "[{\"Effect\":\"Deny\",\"NotAction\":[\"a:*\",\"b:*\",\"c:*\",\"d:*\",\"e:*\",\"f:*\"],"
                    + "\"Resource\":\"*\",\"Condition\":{\"StringLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:root\"}}}]")));
            assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
        }

        @Test
        void anMfaConditionedDenyPassesOnlyTheMfaVariant() {
            ScpChain chain = chain(null, scp("DenyRootWithoutMfa", "[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{"
                    + "\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:root\"},\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":\"false\"}}}]"), null);
            assertThat(rootDenied(chain).outcome()).isEqualTo(Outcome.FAIL);
            Verdict mfa = rootMfa(chain);
            assertThat(mfa.outcome()).isEqualTo(Outcome.PASS);
            assertThat(mfa.reason()).startsWith("An SCP in effect denies the root user's actions without MFA.\n")
                    .contains("when BoolIfExists aws:MultiFactorAuthPresent is false");
        }

        @Test
        void boolInsteadOfBoolIfExistsFailsNamingTheOperatorAndWhatToWrite() {
            ScpChain chain = chain(null, scp("DenyRootWithoutMfa", "[{\"Sid\":\"NoMfaNoRoot\",\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\","
                    + "\"Condition\":{\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:root\"},\"Bool\":{\"aws:MultiFactorAuthPresent\":\"false\"}}}]"), null);
            Verdict mfa = rootMfa(chain);
            assertThat(mfa.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(mfa.reason()).startsWith("An SCP denies the root user without MFA with the Bool operator, which requests signed with root "
                            + "access keys pass.\n")
                    .contains("DenyRootWithoutMfa (p-denyrootwithoutmfa) at OU Production (ou-ab12-prod0001), statement 'NoMfaNoRoot': Deny * on "
                                    + "every resource for aws:PrincipalArn ArnLike arn:aws:iam::*:root only when Bool aws:MultiFactorAuthPresent is false: "
                                    + "a request signed with root access keys carries no aws:MultiFactorAuthPresent, and Bool does not match a missing key, "
                                    + "so it is not denied. Write BoolIfExists aws:MultiFactorAuthPresent \"false\" instead, or deny root outright. Chain: ");
            assertThat(rootDenied(chain).outcome()).isEqualTo(Outcome.FAIL);
            assertThat(((ScpAssessment) mfa.evidence().get(0)).findings()).extracting(ScpAssessment.Finding::effect)
                    .contains(ScpAssessment.Effect.DENIES_ROOT_WITHOUT_MFA_WITH_BOOL);
        }

        @Test
        void boolBesideBoolIfExistsStillLetsAccessKeysThrough() {
            ScpChain chain = chain(scp("Both", "[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{"
                    + "\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:root\"},\"Bool\":{\"aws:MultiFactorAuthPresent\":\"false\"},"
                    + "\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":\"false\"}}}]"), null, null);
            assertThat(rootMfa(chain).outcome()).isEqualTo(Outcome.FAIL);
        }

        @Test
        void aFullRootDenyAlsoSatisfiesTheMfaVariant() {
            assertThat(rootMfa(chain(scp("DenyRoot", "[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\","
                    + "\"Condition\":{\"StringLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:root\"}}}]"), null, null)).outcome()).isEqualTo(Outcome.PASS);
        }

        @Test
        void anMfaConditionThatIsNotFalseDoesNotQualify() {
            assertThat(rootMfa(chain(null, scp("Odd", "[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{"
                    + "\"StringLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:root\"},\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}}]"), null)).outcome())
                    .isEqualTo(Outcome.FAIL);
        }

        @Test
        void allowOnlyPoliciesAndPartialDeniesFailWithEveryStatementExplained() {
            Verdict verdict = rootDenied(chain(scp("DenyLeaving", "[{\"Effect\":\"Deny\",\"Action\":\"organizations:LeaveOrganization\",\"Resource\":\"*\"}]"), null, null));
            assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(verdict.reason()).contains("4 statement(s) considered", "it allows (Allow), it does not deny",
                    "it denies only [organizations:LeaveOrganization]");
        }

        @Test
        void anExtraConditionNarrowsTheStatement() {
            Verdict verdict = rootDenied(chain(null, null, scp("DenyRootInRegion", "[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{"
                    + "\"StringLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:root\"},\"StringEquals\":{\"aws:RequestedRegion\":\"eu-west-1\"}}}]")));
            assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(verdict.reason()).contains("further conditioned on [aws:requestedregion]");
        }

        @Test
        void aDenyOnSomeResourcesDoesNotQualify() {
            assertThat(rootDenied(chain(null, null, scp("DenyRootS3", "[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"arn:aws:s3:::bucket/*\","
                    + "\"Condition\":{\"StringLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:root\"}}}]"))).outcome()).isEqualTo(Outcome.FAIL);
        }

        @Test
        void aNegatedPrincipalConditionThatLeavesRootInQualifies() {
            assertThat(rootDenied(chain(null, null, scp("DenyAllButAdmin", "[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\","
                    + "\"Condition\":{\"ArnNotLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:role/Admin\"}}}]"))).outcome()).isEqualTo(Outcome.PASS);
            assertThat(rootDenied(chain(null, null, scp("DenyAllButRoot", "[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\","
                    + "\"Condition\":{\"StringNotLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:root\"}}}]"))).outcome()).isEqualTo(Outcome.FAIL);
        }

        @Test
        void anUnparseablePolicyIsUnableToAssessUnlessAnotherQualifies() {
            ScpChain.Policy broken = new ScpChain.Policy("p-broken", "Broken", false, "{\"Statement\": [");
            Verdict verdict = rootDenied(chain(null, broken, null));
            assertThat(verdict.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
            assertThat(verdict.reason()).contains("Broken (p-broken)", "cannot be parsed");
            assertThat(rootDenied(chain(scp("DenyRoot", "{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\","
                    + "\"Condition\":{\"StringLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:root\"}}}"), broken, null)).outcome()).isEqualTo(Outcome.PASS);
        }

        @Test
        void scpsNeverApplyToTheManagementAccount() {
            Verdict verdict = OrganizationControls.SCP_DENIES_ROOT.evaluate(StubEvidence.account().organization(ACCOUNT), CONTEXT);
            assertThat(verdict.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
            assertThat(verdict.reason()).contains("SCPs never apply to the management account");
        }

        @Test
        void outsideAnOrganizationItIsNotApplicable() {
            assertThat(OrganizationControls.SCP_DENIES_ROOT.evaluate(StubEvidence.account(), CONTEXT).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        }

        @Test
        void anUnreadableChainIsUnableToAssess() {
            Verdict verdict = OrganizationControls.SCP_DENIES_ROOT.evaluate(StubEvidence.account().organization(MANAGEMENT), CONTEXT);
            assertThat(verdict.outcome()).isEqualTo(Outcome.UNABLE_TO_ASSESS);
            assertThat(verdict.reason()).contains("organizations:ListTargetsForPolicy");
        }
    }

    @Nested
    class CentralizedRootAccess {

        @Test
        void theManagementAccountPassesWithBothFeatures() {
            Verdict verdict = OrganizationControls.ROOT_ACCESS_CENTRALIZED.evaluate(StubEvidence.account().organization(ACCOUNT)
                    .features(OrganizationFeatures.ROOT_CREDENTIALS_MANAGEMENT, OrganizationFeatures.ROOT_SESSIONS), CONTEXT);
            assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
        }

        @Test
        void theManagementAccountFailsWithOneMissing() {
            Verdict verdict = OrganizationControls.ROOT_ACCESS_CENTRALIZED.evaluate(StubEvidence.account().organization(ACCOUNT)
                    .features(OrganizationFeatures.ROOT_CREDENTIALS_MANAGEMENT), CONTEXT);
            assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(verdict.reason()).contains("RootSessions is off");
        }

        @Test
        void aMemberIsNotApplicableWithTheOrganizationsStateInTheReason() {
            Verdict verdict = OrganizationControls.ROOT_ACCESS_CENTRALIZED.evaluate(StubEvidence.account().organization(MANAGEMENT)
                    .features(OrganizationFeatures.ROOT_SESSIONS), CONTEXT);
            assertThat(verdict.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
            assertThat(verdict.reason()).startsWith("Centralized root access is an organization-wide setting, judged on the management account.\n")
                    .contains("The management account 111111111111 is FAIL: Centralized root access is not fully enabled.");
        }

        @Test
        void aCallerThatIsNotTheManagementAccountGetsNotApplicableNotAPass() {
            Verdict verdict = OrganizationControls.ROOT_ACCESS_CENTRALIZED.evaluate(StubEvidence.account().organization(ACCOUNT), CONTEXT);
            assertThat(verdict.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
            assertThat(verdict.reason()).contains("AccountNotManagementOrDelegatedAdministratorException");
        }
    }

    @Nested
    class RootCredentialsAbsent {

        private Verdict evaluate(RootCredentialsInventory inventory) {
            return OrganizationControls.ROOT_CREDENTIALS_ABSENT.evaluate(StubEvidence.account().organization(MANAGEMENT).inventory(inventory), CONTEXT);
        }

        @Test
        void passesWhenNothingIsLeftAndSaysWhichEvidence() {
            Verdict verdict = evaluate(new RootCredentialsInventory(RootCredentialsInventory.ROOT_SESSION, false, null, List.of(), List.of(), List.of(), READ));
            assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
            assertThat(verdict.reason()).contains("sts:AssumeRoot session");
        }

        @ParameterizedTest
        @ValueSource(strings = {"password", "key", "mfa", "certificate"})
        void failsOnAnyRemainingCredential(String kind) {
            Verdict verdict = evaluate(new RootCredentialsInventory(RootCredentialsInventory.ROOT_SESSIONS_OFF, kind.equals("password"), null,
                    kind.equals("key") ? List.of("Inactive, created 2024-01-01") : List.of(),
                    kind.equals("mfa") ? List.of("GAHT12345678") : List.of(),
                    kind.equals("certificate") ? List.of("Active") : List.of(), READ));
            assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(verdict.reason()).contains("still has").contains("account summary");
        }

        @Test
        void theManagementAccountIsNotApplicable() {
            assertThat(OrganizationControls.ROOT_CREDENTIALS_ABSENT.evaluate(StubEvidence.account().organization(ACCOUNT), CONTEXT).outcome())
                    .isEqualTo(Outcome.NOT_APPLICABLE);
        }
    }
}
