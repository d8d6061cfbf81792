package org.rootposture.internal.waivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rootposture.internal.controls.Outcome;
import org.rootposture.internal.controls.Verdict;
import org.rootposture.settings.SettingsException;

class WaiversTest {

    private static final Clock NOVEMBER_2026 = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static final String VALID = """
            # accepted risks, reviewed quarterly
            waivers:
              - control: root.mfa.hardware
                account: "222222222222"
                justification: Hardware keys are on order (CHG-4711)
                approver: Jane Doe (CISO)
                expires: 2099-12-31
              - control: root.contacts.security
                account: 333333333333
                justification: Security contact being hired.
                approver: Sam Lee (Head of Platform)
                expires: 2025-06-30
              - control: acme.root.break-glass
                account: "*"
                justification: Break-glass drills this quarter.
                approver: Jane Doe (CISO)
                expires: 2026-11-22
            """;

    @Test
    void aLiveWaiverWaivesAFailAndSaysByWhomUntilWhenAndWhy() throws Exception {
        Waivers waivers = load("waivers.yaml", VALID);

        Verdict verdict = waivers.apply("root.mfa.hardware", "222222222222", Verdict.fail("The MFA is virtual."));

        assertThat(verdict.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(verdict.waiver()).contains("Waived until 2099-12-31 by Jane Doe (CISO): Hardware keys are on order (CHG-4711).");
        assertThat(verdict.reason()).isEqualTo("The MFA is virtual.");
    }

    @Test
    void anExpiredWaiverLeavesTheFailAndSaysItExpired() throws Exception {
        Waivers waivers = load("waivers.yaml", VALID);

        Verdict verdict = waivers.apply("root.contacts.security", "333333333333", Verdict.fail("No SECURITY contact."));

        assertThat(verdict.isWaived()).isFalse();
        assertThat(verdict.reason()).isEqualTo("No SECURITY contact.\n(The waiver expired on 2025-06-30; it was approved by "
                + "Sam Lee (Head of Platform) in waivers.yaml line 8: Security contact being hired.)");
    }

    @Test
    void aWaiverHoldsThroughItsExpiryDayCoversEveryAccountWithAStarAndOnlyFails() throws Exception {
        Waivers waivers = load("waivers.yaml", VALID);

        assertThat(waivers.apply("acme.root.break-glass", "555555555555", Verdict.fail("used")).isWaived()).isTrue();
        assertThat(waivers.apply("root.mfa.hardware", "333333333333", Verdict.fail("none")).isWaived()).isFalse();
        assertThat(waivers.apply("root.mfa.hardware", "222222222222", Verdict.pass("ok")).outcome()).isEqualTo(Outcome.PASS);
        assertThat(waivers.apply("root.mfa.hardware", "222222222222", Verdict.unableToAssess("denied")).isWaived()).isFalse();
        assertThat(waivers.records()).extracting(r -> r.control() + " " + r.expired() + " " + r.failures() + " " + r.line())
                .containsExactly("root.mfa.hardware false 0 3", "root.contacts.security true 0 8", "acme.root.break-glass false 1 13");
    }

    @Test
    void jsonWorksTooAndAnEmptyFileHasNoWaivers() throws Exception {
        Waivers json = load("waivers.json", """
                {"waivers": [
                  {"control": "root.mfa.enabled", "account": "111111111111", "justification": "j", "approver": "a", "expires": "2099-01-01"}
                ]}""");

        assertThat(json.all()).extracting(Waiver::control, Waiver::line).containsExactly(tuple("root.mfa.enabled", 2));
        assertThat(load("empty.yaml", "# nothing accepted yet\n").all()).isEmpty();
        assertThat(load("none.yaml", "waivers:\n").all()).isEmpty();
        assertThat(Waivers.load(Optional.empty(), NOVEMBER_2026).all()).isEmpty();
    }

    @Test
    void everyMistakeNamesTheFileAndLine() {
        assertError("waivers:\n  - control: root.mfa.hardwre\n    account: '1'\n", "line 2: unknown control 'root.mfa.hardwre'; the built-in controls are ");
        assertError(entry("account: \"111111111111\"", "account: \"2222\""), "line 3: account '2222' is neither a 12-digit account id nor *");
        assertError(entry("expires: 2099-01-01", "expires: 31/12/2099"), "line 6: expires '31/12/2099' is not an ISO date");
        assertError(entry("approver: a", "approver: \"\""), "line 5: the waiver starting on line 2 has no approver");
        assertError("waivers:\n  - control: root.mfa.hardware\n    account: \"111111111111\"\n", "line 2: the waiver starting on line 2 has no justification");
        assertError(entry("approver: a", "approvr: x"), "line 5: unknown field 'approvr'");
        assertError(entry("control: root.mfa.hardware", "control: Root MFA"), "line 2: 'Root MFA' is not a control id");
        assertError("waivers:\n  - control: [a, b\n", "line ");
        assertError("waivers:\n  - control: root.mfa.hardware\n    account: \"111\n", "is not valid YAML at line 4, column 1: the quote opened on line 3 is never closed.");
        assertError("waivers:\n  - control: root.mfa.hardware\n     account: \"1\"\n", "is not valid YAML at line 3, column 13: a ':' where YAML does not"
                + " expect one; check the indentation, or quote a value that holds ': '.");
        assertError("waivers:\n\t- control: root.mfa.hardware\n", "is not valid YAML at line 2, column 1: a tab character; indent YAML with spaces.");
        assertError("{\"waivers\": [\n  {\"control\": \"root.mfa.hardware\",,}]}", "is not valid JSON at line 2, column 35: Unexpected character (',')",
                "waivers.json");
        assertError("accepted:\n  - control: x\n", "line 1: expected 'waivers:' at the top");
        assertError(ONE + ONE.replace("waivers:\n", ""), "line 7: waives root.mfa.hardware for 111111111111 again (first on line 2)");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> Waivers.load(Optional.of(dir.resolve("nope.yaml")), NOVEMBER_2026))
                .isInstanceOf(SettingsException.class).hasMessage("The waiver file " + dir.resolve("nope.yaml") + ": the file does not exist.");
    }

    private static final String ONE = """
            waivers:
              - control: root.mfa.hardware
                account: "111111111111"
                justification: j
                approver: a
                expires: 2099-01-01
            """;

    /** {@link #ONE} with one line replaced. */
    private static String entry(String line, String replacement) {
        assertThat(ONE).contains(line);
        return ONE.replace(line, replacement);
    }

    private void assertError(String yaml, String expected) {
        assertError(yaml, expected, "waivers.yaml");
    }

    private void assertError(String content, String expected, String name) {
        assertThatThrownBy(() -> load(name, content)).isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("The waiver file " + dir.resolve(name))
                .hasMessageContaining(expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "Source:", "in 'reader'", "^"));
    }

    private Waivers load(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return Waivers.load(Optional.of(file), NOVEMBER_2026);
    }
}
