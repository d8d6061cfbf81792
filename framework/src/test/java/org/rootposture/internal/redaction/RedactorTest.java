package org.rootposture.internal.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.rootposture.internal.controls.Verdict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class RedactorTest {

    @Test
    void accessKeyIdsKeepPrefixAndLastFourOnly() {
        assertThat(Redactor.redact("keys AKIAIOSFODNN7EXAMPLE and ASIAXYZ0123456789ABC."))
                .isEqualTo("keys AKIA************MPLE and ASIA************9ABC.");
        assertThat(Redactor.redact("AKIALAB0111111111111")).isEqualTo("AKIA************1111");
    }

    @Test
    void secretsAndTokensAreRemoved() {
        String secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
        String token = "IQoJb3JpZ2luX2VjEJr" + "A1b2C3d4E5f6G7h8".repeat(8) + "==";

        assertThat(Redactor.redact("secret " + secret + " end")).isEqualTo("secret [redacted] end");
        assertThat(Redactor.redact("token " + token)).isEqualTo("token [redacted]");
        assertThat(Redactor.redact("aws.secretAccessKey=labSecretKey/111111111111/EXAMPLE, next"))
                .isEqualTo("aws.secretAccessKey=[redacted], next");
        assertThat(Redactor.redact("\"SessionToken\": \"LabSessionToken/1/abc\"")).isEqualTo("\"SessionToken\": \"[redacted]\"");
        assertThat(Redactor.redact("password: hunter2")).isEqualTo("password: [redacted]");
    }

    @Test
    void contactDataIsMaskedOneWayWhetherAFieldOrInText() {
        assertThat(Redactor.email("security@example.com")).isEqualTo("s*******@example.com")
                .isEqualTo(Redactor.redact("security@example.com"));
        assertThat(Redactor.email("ab@example.com")).isEqualTo("a***@example.com").isEqualTo(Redactor.redact("ab@example.com"));
        assertThat(Redactor.phone("+1-555-0100")).isEqualTo("*********00");
    }

    @Test
    void emailAddressesAreMaskedOnceAndOrdinaryTextIsLeftAlone() {
        assertThat(Redactor.redact("contact jane.doe@example.com now")).isEqualTo("contact j*******@example.com now");
        assertThat(Redactor.redact("p****@example.com")).isEqualTo("p****@example.com");
        String ordinary = "The root user's password was last used on 2026-11-15 (7 days ago); commit "
                + "1fbbfcc2036eb1cef4da939eac3e898faa70f05d, arn:aws:iam::222222222222:mfa/payments-break-glass.";
        assertThat(Redactor.redact(ordinary)).isEqualTo(ordinary);
        assertThat(Redactor.redact((String) null)).isNull();
    }

    @Test
    void jsonFieldsNamedLikeSecretsAreRemovedWhateverTheirValue() throws Exception {
        JsonNode tree = new ObjectMapper().readTree("""
                {"secretAccessKey":"abc","nested":[{"sessionToken":"x","note":"mail ops@example.com"}],
                 "passwordLastUsed":"2026-11-15","passwordEnabled":true,"password":"p"}""");

        assertThat(Redactor.redact(tree).toString()).isEqualTo("{\"secretAccessKey\":\"[redacted]\",\"nested\":[{\"sessionToken\":"
                + "\"[redacted]\",\"note\":\"mail o***@example.com\"}],\"passwordLastUsed\":\"2026-11-15\",\"passwordEnabled\":true,"
                + "\"password\":\"[redacted]\"}");
    }

    @Test
    void aVerdictKeepsItsOutcomeAndWaiverRedacted() {
        Verdict verdict = Verdict.fail("key AKIAIOSFODNN7EXAMPLE").waived("Waived until 2099-12-31 by jane@example.com: ok.");

        Verdict redacted = verdict.redacted();

        assertThat(redacted.reason()).isEqualTo("key AKIA************MPLE");
        assertThat(redacted.waiver()).isEqualTo(Optional.of("Waived until 2099-12-31 by j***@example.com: ok."));
        assertThat(redacted.outcome()).isEqualTo(verdict.outcome());
    }
}
