package org.rootposture.internal.controls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.rootposture.evidence.AccountIdentity;
import org.rootposture.evidence.Provenance;
import org.rootposture.evidence.ScpChain;

/**
 * Properties of the SCP evaluation: any statements at all give one finding each, never an exception; and a
 * statement that qualifies keeps qualifying when irrelevant Allow statements are added beside it.
 */
class ScpEvaluatorPropertiesTest {

    private static final String ACCOUNT = "123456789012";
    private static final AccountIdentity IDENTITY = new AccountIdentity(ACCOUNT, "aws");
    private static final String DENY_ROOT = """
            {"Sid": "DenyRoot", "Effect": "Deny", "Action": "*", "Resource": "*",
             "Condition": {"StringLike": {"aws:PrincipalArn": "arn:aws:iam::*:root"}}}""";

    @Property(tries = 300)
    void anyStatementsGiveFindingsNeverAnException(@ForAll("statements") List<String> statements) {
        ScpAssessment assessment = ScpEvaluator.assess(chain(statements), IDENTITY);
        assertThat(assessment.findings()).isNotEmpty().allSatisfy(finding -> assertThat(finding.effect()).isNotNull());
    }

    @Property(tries = 200)
    void aQualifyingStatementKeepsQualifyingBesideIrrelevantAllows(@ForAll("allows") List<String> allows) {
        List<String> statements = new ArrayList<>(allows);
        statements.add(allows.isEmpty() ? 0 : allows.size() / 2, DENY_ROOT);
        ScpAssessment assessment = ScpEvaluator.assess(chain(statements), IDENTITY);
        assertThat(assessment.findings()).anyMatch(finding -> finding.effect() == ScpAssessment.Effect.DENIES_ROOT);
    }

    @Provide
    Arbitrary<List<String>> statements() {
        Arbitrary<String> effect = Arbitraries.of("\"Allow\"", "\"Deny\"", "\"deny\"", "\"\"", "1", "null");
        Arbitrary<String> action = Arbitraries.of("\"*\"", "\"iam:*\"", "[\"s3:GetObject\", \"*\"]", "[]", "\"\"", "\"a:b:c\"", "7");
        Arbitrary<String> actionKey = Arbitraries.of("Action", "NotAction");
        Arbitrary<String> resource = Arbitraries.of("\"*\"", "\"arn:aws:s3:::b/*\"", "[]", "\"\"");
        Arbitrary<String> operator = Arbitraries.of("StringLike", "StringNotLike", "ArnLike", "ArnNotEquals", "Bool", "BoolIfExists",
                "StringEquals", "ForAnyValue:StringLike", "Null", "");
        Arbitrary<String> key = Arbitraries.of("aws:PrincipalArn", "aws:MultiFactorAuthPresent", "aws:userid", "");
        Arbitrary<String> value = Arbitraries.of("\"arn:aws:iam::*:root\"", "\"arn:aws:iam::" + ACCOUNT + ":root\"", "\"false\"", "\"*\"",
                "[\"arn:aws:iam::*:root\", \"arn:aws:iam::*:user/x\"]", "true", "\"<script>alert(1)</script>\"", "\"\"");
        Arbitrary<String> condition = Combinators.combine(operator, key, value)
                .as((op, k, v) -> ", \"Condition\": {\"" + op + "\": {\"" + k + "\": " + v + "}}");
        Arbitrary<String> statement = Combinators.combine(effect, actionKey, action, resource, condition.injectNull(0.3))
                .as((e, ak, a, r, c) -> "{\"Effect\": " + e + ", \"" + ak + "\": " + a + ", \"Resource\": " + r + (c == null ? "" : c) + "}");
        Arbitrary<String> junk = Arbitraries.of("{}", "{\"Effect\": \"Deny\"}", "[]", "\"x\"", "{\"Effect\": \"Deny\", \"Action\": \"*\"}");
        return Arbitraries.oneOf(statement, statement, junk).list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<List<String>> allows() {
        Arbitrary<String> action = Arbitraries.of("\"*\"", "\"s3:*\"", "[\"iam:Get*\", \"iam:List*\"]", "\"ec2:DescribeInstances\"");
        Arbitrary<String> resource = Arbitraries.of("\"*\"", "\"arn:aws:s3:::bucket/*\"");
        return Combinators.combine(action, resource).as((a, r) -> "{\"Effect\": \"Allow\", \"Action\": " + a + ", \"Resource\": " + r + "}")
                .list().ofMaxSize(4);
    }

    private static ScpChain chain(List<String> statements) {
        String document = "{\"Version\": \"2012-10-17\", \"Statement\": [" + String.join(",", statements) + "]}";
        return new ScpChain(ACCOUNT, List.of(new ScpChain.Level("r-ab12", "ROOT", "Root",
                List.of(new ScpChain.Policy("p-generated", "generated <b>\"policy\"</b>", false, document)))),
                new Provenance(List.of("organizations:DescribePolicy"), Instant.parse("2026-11-21T10:00:00Z")));
    }
}
