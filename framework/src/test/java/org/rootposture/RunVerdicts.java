package org.rootposture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.rootposture.internal.controls.BuiltInControl;
import org.rootposture.internal.controls.Catalogue;
import org.rootposture.internal.controls.EvaluationContext;
import org.rootposture.internal.controls.Verdict;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;

/**
 * Every built-in control's verdict for every account (and region) of a run, decided from the run's evidence as the
 * annotations decide it, without JUnit or the report in between. The run reads its settings from a {@link LabRun}.
 */
final class RunVerdicts {

    /**
     * One verdict.
     *
     * @param control the control id
     * @param account the account id
     * @param region  the region of a per-region control
     * @param verdict the verdict
     */
    record Judged(String control, String account, Optional<String> region, Verdict verdict) {

        String firstLine() {
            return verdict.reason().lines().findFirst().orElse("");
        }
    }

    private RunVerdicts() {
    }

    /** The verdicts of a run against the lab; what the run writes for the report at its end goes to a temporary folder. */
    static List<Judged> of(LabRun lab, Clock clock) {
        List<Judged> verdicts = new ArrayList<>();
        AllureLifecycle original = Allure.getLifecycle();
        Path results;
        try {
            results = Files.createTempDirectory("rootposture-run-verdicts");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Allure.setLifecycle(new AllureLifecycle(new FileSystemResultsWriter(results)));
        try (Run run = new Run(lab.settings(), clock)) {
            for (AwsAccount account : run.accounts()) {
                EvaluationContext context = account.context();
                for (BuiltInControl control : Catalogue.all()) {
                    if (control.perRegion()) {
                        run.regions(account).forEach(region -> verdicts.add(new Judged(control.definition().id(), account.id(), Optional.of(region),
                                control.evaluate(account.evidence(), context.withRegion(region)))));
                    } else {
                        verdicts.add(new Judged(control.definition().id(), account.id(), Optional.empty(), control.evaluate(account.evidence(), context)));
                    }
                }
            }
        } finally {
            Allure.setLifecycle(original);
        }
        return verdicts;
    }

    static Judged find(List<Judged> verdicts, String control, String account, Optional<String> region) {
        return verdicts.stream()
                .filter(judged -> judged.control().equals(control) && judged.account().equals(account) && judged.region().equals(region))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no verdict of " + control + " for " + account + region.map(r -> " in " + r).orElse("")));
    }
}
