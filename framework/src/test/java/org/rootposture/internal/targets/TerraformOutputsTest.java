package org.rootposture.internal.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rootposture.settings.SettingsException;

class TerraformOutputsTest {

    @TempDir
    Path dir;

    private List<Target> read(String json, String output) throws IOException {
        return TerraformOutputs.read(Files.writeString(dir.resolve("outputs.json"), json), output);
    }

    @Test
    void aListOfAccountIds() throws IOException {
        List<Target> targets = read("""
                {"member_accounts": {"sensitive": false, "type": ["list", "string"], "value": ["111111111111", "222222222222"]}}
                """, "member_accounts");
        assertThat(targets).containsExactly(
                new Target("111111111111", Optional.empty(), Optional.empty()),
                new Target("222222222222", Optional.empty(), Optional.empty()));
    }

    @Test
    void aMapOfNameToIdGivesNames() throws IOException {
        List<Target> targets = read("""
                {"accounts": {"sensitive": false, "type": ["map", "string"], "value": {"prod-payments": "222222222222", "data-lake": "555555555555"}},
                 "other": {"sensitive": false, "type": "string", "value": "x"}}
                """, "accounts");
        assertThat(targets).extracting(Target::displayName).containsExactly("222222222222 · prod-payments", "555555555555 · data-lake");
    }

    @Test
    void roleArnsAreAssumedAsGivenAndSensitiveOutputsAreRead() throws IOException {
        List<Target> targets = read("""
                {"audit_roles": {"sensitive": true, "type": ["tuple", ["string"]], "value": ["arn:aws:iam::333333333333:role/rootposture-audit"]}}
                """, "audit_roles");
        assertThat(targets).containsExactly(new Target("333333333333", Optional.empty(), Optional.of("arn:aws:iam::333333333333:role/rootposture-audit")));
    }

    @Test
    void aSingleStringOutput() throws IOException {
        assertThat(read("{\"account\": {\"value\": \"444444444444\"}}", "account")).extracting(Target::accountId).containsExactly("444444444444");
    }

    @Test
    void aMissingOutputListsTheOnesThatExist() {
        assertThatThrownBy(() -> read("{\"a\": {\"value\": []}, \"b\": {\"value\": []}}", "accounts"))
                .isInstanceOf(SettingsException.class)
                .hasMessage("The Terraform outputs file " + dir.resolve("outputs.json") + ": there is no output named 'accounts'; its outputs are [a, b].");
    }

    @Test
    void malformedJsonNamesTheFileAndLineInOneSentenceWithoutTheParsersInternals() {
        assertThatThrownBy(() -> read("{\n\"accounts\": {\"value\": [\"111111111111\",]\n}", "accounts"))
                .isInstanceOf(SettingsException.class)
                .hasMessage("The Terraform outputs file " + dir.resolve("outputs.json") + " is not valid JSON at line 2, column 39:"
                        + " Unexpected character (']'): expected a value; write it with `terraform output -json > outputs.json`.");
    }

    @Test
    void aTruncatedFileSaysSo() {
        assertThatThrownBy(() -> read("{\n  \"accounts\": {\n    \"value\": [\n      \"111111111111\",", "accounts"))
                .hasMessage("The Terraform outputs file " + dir.resolve("outputs.json") + " is not valid JSON at line 4, column 22:"
                        + " the file ends before the JSON is complete (is it cut short?); write it with `terraform output -json > outputs.json`.")
                .message().doesNotContain("Source", "REDACTED", "StreamReadFeature", "\n");
    }

    @Test
    void aValueThatIsNeitherIdNorArnIsNamedWithItsLine() {
        assertThatThrownBy(() -> read("{\"accounts\": {\n  \"value\": {\n    \"payments\": \"222222222222\",\n    \"prod\": \"prod-account\"}}}", "accounts"))
                .hasMessage("The Terraform outputs file " + dir.resolve("outputs.json") + " line 4: output 'accounts' key 'prod' is 'prod-account',"
                        + " neither a 12-digit account id nor an IAM role ARN.");
        assertThatThrownBy(() -> read("{\"accounts\": {\"value\": 12}}", "accounts"))
                .hasMessageContaining("output 'accounts' is number");
    }

    @Test
    void aFileThatIsNotAnObjectIsRejected() {
        assertThatThrownBy(() -> read("[1, 2]", "accounts")).hasMessageContaining("it is not the JSON object that `terraform output -json` writes");
    }
}
