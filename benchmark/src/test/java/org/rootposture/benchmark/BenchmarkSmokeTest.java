package org.rootposture.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rootposture.contract.ReportVerdict;
import org.junit.jupiter.api.io.TempDir;
import org.rootposture.controls.Catalogue;
import org.rootposture.lab.fixture.Account;

/** The benchmark's code on three accounts with no latency: both kinds of run, measured and printed. Not a benchmark. */
class BenchmarkSmokeTest {

    @Test
    void measuresTheCatalogueAndTheBaselineOnThreeAccounts(@TempDir Path results) {
        System.setProperty("allure.results.directory", results.toString());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        List<Measurement> measurements = Benchmark.run(Options.parse("--accounts=3", "--latency=0", "--concurrency=4", "--baseline-up-to=3",
                "--throttled=0", "--no-warmup"), results, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(measurements).extracting(Measurement::mode).containsExactly("framework", "baseline");
        Measurement framework = measurements.get(0);
        Measurement baseline = measurements.get(1);
        int perAccount = Catalogue.all().size() + (int) Catalogue.all().stream().filter(control -> control.perRegion()).count();
        assertThat(framework.verdicts().total()).isEqualTo(3 * perAccount);
        assertThat(baseline.verdicts().total()).isEqualTo(framework.verdicts().total());
        assertThat(framework.verdicts().tally().count(ReportVerdict.PASS)).isPositive();
        assertThat(framework.totalCalls()).isPositive().isLessThan(baseline.totalCalls());
        assertThat(framework.callsByOperation()).containsKeys("iam:GetAccountSummary", "organizations:ListAccountsForParent", "sts:AssumeRoot",
                "cloudtrail:LookupEvents");
        assertThat(framework.callsPerAccount(Measurement.Group.ROOT_SESSION)).isPositive();
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("N = 3 accounts", "latency bound", "peak after GC", "framework (concurrency 4) vs baseline", "Targets");
        assertThat(results).isEmptyDirectory();
    }

    @Test
    void theGeneratedOrganizationIsAValidFixtureWithAMixOfStates() {
        var fixture = GeneratedOrganization.of(1000);
        assertThat(fixture.accounts()).hasSize(1000);
        assertThat(fixture.accounts()).filteredOn(account -> account.status() == Account.Status.SUSPENDED).hasSize(10);
        assertThat(fixture.accounts()).filteredOn(account -> !account.assumable()).hasSizeGreaterThan(10);
        assertThat(fixture.organizationIfAny().orElseThrow().organizationalUnits()).hasSize(7);
        assertThat(fixture.organizationIfAny().orElseThrow().policies()).hasSize(4);
        assertThat(GeneratedOrganization.of(10)).isEqualTo(GeneratedOrganization.of(10));
    }

    @Test
    void optionsHaveDefaultsAndRefuseNonsense() {
        Options defaults = Options.parse();
        assertThat(defaults.accounts()).containsExactly(10, 100, 1000);
        assertThat(defaults.latency().toMillis()).isEqualTo(25);
        assertThat(defaults.throttled()).isEqualTo(1000);
        assertThat(Options.parse("--accounts=5,50", "--throttled=0").throttled()).isZero();
        assertThatThrownBy(() -> Options.parse("--concurrency=65"))
                .hasMessageContaining("--concurrency takes numbers from 1 to 64");
        assertThatThrownBy(() -> Options.parse("--nonsense")).hasMessageContaining("Unknown option");
    }

    @Test
    void theCatalogueClassHasOneMethodPerBuiltInControlAnnotation() {
        CatalogueClass catalogue = CatalogueClass.generate();
        assertThat(catalogue.annotations()).hasSize(Catalogue.all().size());
        assertThat(catalogue.postureClass().getDeclaredMethods()).hasSize(Catalogue.all().size());
    }
}
