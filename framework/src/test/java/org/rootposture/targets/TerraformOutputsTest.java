package org.rootposture.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rootposture.settings.SettingsException;

class TerraformOutputsTest {

    private static final Function<String, Optional<String>> ROLE = id -> id.equals("111111111111")
            ? Optional.empty() : Optional.of("arn:aws:iam::" + id + ":role/Audit");

    @TempDir
    Path dir;

    private List<Target> read(String json, String output) throws IOException {
        return TerraformOutputs.read(Files.writeString(dir.resolve("outputs.json"), json), output, ROLE);
    }

    @Test
    void aListOfAccountIds() throws IOException {
        List<Target> targets = read("""
                {"member_accounts": {"sensitive": false, "type": ["list", "string"], "value": ["111111111111", "222222222222"]}}
                """, "member_accounts");
        assertThat(targets).containsExactly(
                new Target("111111111111", Optional.empty(), Optional.empty()),
                new Target("222222222222", Optional.empty(), Optional.of("arn:aws:iam::222222222222:role/Audit")));
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
                .hasMessageContaining("rootposture.terraform-outputs")
                .hasMessageContaining("has no output named 'accounts'; its outputs are [a, b]");
    }

    @Test
    void malformedJsonNamesTheLine() {
        assertThatThrownBy(() -> read("{\n\"accounts\": {\"value\": [\"111111111111\",]\n}", "accounts"))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("is not valid JSON (line 2");
    }

    @Test
    void aValueThatIsNeitherIdNorArnIsNamed() {
        assertThatThrownBy(() -> read("{\"accounts\": {\"value\": {\"prod\": \"prod-account\"}}}", "accounts"))
                .hasMessageContaining("output 'accounts' key 'prod' is 'prod-account', neither a 12-digit account id nor an IAM role ARN");
        assertThatThrownBy(() -> read("{\"accounts\": {\"value\": 12}}", "accounts"))
                .hasMessageContaining("output 'accounts' is number");
    }

    @Test
    void aFileThatIsNotAnObjectIsRejected() {
        assertThatThrownBy(() -> read("[1, 2]", "accounts")).hasMessageContaining("is not the JSON object written by `terraform output -json`");
    }
}
