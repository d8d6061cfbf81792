package org.rootposture.internal.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.rootposture.settings.Settings;
import org.rootposture.settings.SettingsReader;

/** The shape of the examples' {@code terraform output -json} is what the runner reads with --targets terraform. */
class ExampleTerraformOutputsTest {

    private static final Path EXAMPLE = Path.of("../examples/terraform-post-deploy/terraform-output.example.json").toAbsolutePath();

    @Test
    void theExampleOutputNamesEachAccountAndItsAuditRole() {
        assertThat(TerraformOutputs.read(EXAMPLE, "rootposture_targets"))
                .containsExactly(
                        new Target("333333333333", Optional.of("dev-sandbox"), Optional.of("arn:aws:iam::333333333333:role/RootPostureAudit")),
                        new Target("222222222222", Optional.of("prod-payments"), Optional.of("arn:aws:iam::222222222222:role/RootPostureAudit")),
                        new Target("777777777777", Optional.of("security-tooling"),
                                Optional.of("arn:aws:iam::777777777777:role/RootPostureAudit")));
    }

    @Test
    void theRunnerOptionsOfTheExamplesAreValidSettings() {
        Settings settings = SettingsReader.from(Map.of("rootposture.targets", "terraform", "rootposture.terraform-outputs", EXAMPLE.toString(),
                "rootposture.terraform-output", "rootposture_targets", "rootposture.region", "us-east-1",
                "rootposture.await", "PT5M", "rootposture.record", "posture/evidence-snapshot.json"), Map.of());
        assertThat(settings.targets()).isEqualTo(new Settings.TargetSpec.Terraform(EXAMPLE, "rootposture_targets"));
        assertThat(settings.record()).contains(Path.of("posture/evidence-snapshot.json"));
    }
}
