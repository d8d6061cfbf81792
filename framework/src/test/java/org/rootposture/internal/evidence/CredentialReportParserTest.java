package org.rootposture.internal.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rootposture.evidence.CredentialReport;
import org.rootposture.evidence.Provenance;
import org.rootposture.evidence.RootCredentials;
import org.rootposture.internal.session.EvidenceUnavailableException;

class CredentialReportParserTest {

    private static final String HEADER = "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,"
            + "password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,"
            + "access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,"
            + "access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,"
            + "cert_1_last_rotated,cert_2_active,cert_2_last_rotated";
    private static final String ROOT = "<root_account>,arn:aws:iam::123456789012:root,2020-01-01T00:00:00+00:00,not_supported,"
            + "2026-11-01T08:30:00+00:00,not_supported,not_supported,true,false,2023-01-01T00:00:00+00:00,2024-02-02T00:00:00+00:00,"
            + "us-east-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A";
    private static final String ALICE = "alice,arn:aws:iam::123456789012:user/alice,2021-01-01T00:00:00+00:00,true,no_information,"
            + "2021-01-01T00:00:00+00:00,N/A,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A";
    private static final Instant GENERATED = Instant.parse("2026-11-21T10:00:00Z");

    private static CredentialReport parse(String csv) {
        return CredentialReportParser.parse(csv, GENERATED, Provenance.of(GENERATED, "iam:GetCredentialReport"));
    }

    @Test
    void keepsTheTypedRootRowAndCountsOtherRows() {
        CredentialReport report = parse(HEADER + "\n" + ROOT + "\n" + ALICE + "\n");
        RootCredentials root = report.root();
        assertThat(report.generatedTime()).isEqualTo(GENERATED);
        assertThat(report.userRows()).isEqualTo(1);
        assertThat(root.passwordEnabled()).isEqualTo("not_supported");
        assertThat(root.passwordEnabledKnown()).isEmpty();
        assertThat(root.mfaActive()).isTrue();
        assertThat(root.passwordLastUsed()).isEqualTo(Instant.parse("2026-11-01T08:30:00Z"));
        assertThat(root.passwordLastChanged()).as("not_supported for the root user").isNull();
        assertThat(root.accessKey1().exists()).isTrue();
        assertThat(root.accessKey1().active()).isFalse();
        assertThat(root.accessKey1().lastUsedService()).isEqualTo("s3");
        assertThat(root.accessKey2().exists()).isFalse();
        assertThat(root.accessKey2().lastUsedRegion()).isNull();
        assertThat(root.mostRecentUse()).get().extracting(RootCredentials.Use::credential).isEqualTo("password");
    }

    @Test
    void aRootPasswordChangeDateIsKeptWhereTheReportHasOne() {
        CredentialReport report = parse(HEADER + "\n" + ROOT.replace("2026-11-01T08:30:00+00:00,not_supported,", "2026-11-01T08:30:00+00:00,2026-10-05T09:00:00+00:00,"));
        assertThat(report.root().passwordLastChanged()).isEqualTo(Instant.parse("2026-10-05T09:00:00Z"));
    }

    @Test
    void crlfReorderedExtraAndQuotedColumnsParse() {
        String[] header = HEADER.split(",");
        String[] root = ROOT.split(",");
        StringBuilder reorderedHeader = new StringBuilder("\"extra column\"");
        StringBuilder reorderedRoot = new StringBuilder("\"a, quoted \"\"value\"\"\"");
        for (int i = header.length - 1; i >= 0; i--) {
            reorderedHeader.append(',').append(header[i]);
            reorderedRoot.append(",\"").append(root[i]).append('"');
        }
        CredentialReport report = parse(reorderedHeader + "\r\n" + reorderedRoot + "\r\n");
        assertThat(report.root().arn()).isEqualTo("arn:aws:iam::123456789012:root");
        assertThat(report.root().accessKey1().lastUsed()).isEqualTo(Instant.parse("2024-02-02T00:00:00Z"));
    }

    @Test
    void aReportWithoutARootRowIsUnavailable() {
        assertThatThrownBy(() -> parse(HEADER + "\n" + ALICE + "\n"))
                .isInstanceOf(EvidenceUnavailableException.class)
                .hasMessageContaining("iam:GetCredentialReport failed with MalformedCredentialReport")
                .hasMessageContaining("no <root_account> row");
    }

    @Test
    void aMissingColumnIsNamed() {
        assertThatThrownBy(() -> parse(HEADER.replace(",mfa_active", "") + "\n" + ROOT.replace(",true,false,2023", ",false,2023")))
                .isInstanceOf(EvidenceUnavailableException.class)
                .hasMessageContaining("[mfa_active]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-13-01T00:00:00+00:00"})
    void aValueThatIsNeitherDateNorSpecialIsMalformed(String value) {
        assertThatThrownBy(() -> parse(HEADER + "\n" + ROOT.replace("2026-11-01T08:30:00+00:00", value)))
                .isInstanceOf(EvidenceUnavailableException.class)
                .hasMessageContaining("password_last_used of the root row is '" + value + "'");
    }

    @Test
    void aBadFlagIsMalformed() {
        assertThatThrownBy(() -> parse(HEADER + "\n" + ROOT.replace("not_supported,2026", "maybe,2026")))
                .hasMessageContaining("password_enabled of the root row is 'maybe'");
    }

    @Test
    void emptyOrHeaderOnlyReportsAreMalformed() {
        assertThatThrownBy(() -> parse("")).hasMessageContaining("the report is empty");
        assertThatThrownBy(() -> parse(HEADER + "\n")).hasMessageContaining("no rows");
    }

    @Test
    void twoRootRowsAreMalformed() {
        assertThatThrownBy(() -> parse(HEADER + "\n" + ROOT + "\n" + ROOT + "\n")).hasMessageContaining("2 <root_account> rows");
    }
}
