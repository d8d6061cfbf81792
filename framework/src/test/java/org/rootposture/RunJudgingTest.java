package org.rootposture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rootposture.evidence.AccountEvidence;
import org.rootposture.internal.controls.BuiltInControl;
import org.rootposture.internal.controls.CisReference;
import org.rootposture.internal.controls.ControlDefinition;
import org.rootposture.internal.controls.EvaluationContext;
import org.rootposture.internal.controls.Verdict;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;

/**
 * A run judges the built-in controls of a posture class on its readers, ahead of their invocations, which only take
 * the verdict; the first accounts of every control first, so that the reads every account shares start at once.
 */
class RunJudgingTest {

    @Test
    void builtInControlsAreJudgedOnTheReadersAheadOfTheirInvocations(@TempDir Path results) {
        List<String> judged = Collections.synchronizedList(new ArrayList<>());
        Recording first = new Recording("acme.first", judged);
        Recording second = new Recording("acme.second", judged);
        AllureLifecycle original = Allure.getLifecycle();
        Allure.setLifecycle(new AllureLifecycle(new FileSystemResultsWriter(results)));
        try (LabRun lab = LabRun.demo(Map.of("rootposture.targets", "organization", "rootposture.concurrency", "1"));
             Run run = new Run(lab.settings(), Clock.systemUTC())) {
            List<AwsAccount> accounts = run.accounts();
            run.judge(List.of(first.use(), second.use(), first.use()));

            for (AwsAccount account : accounts) {
                assertThat(run.verdict(first.use(), account, Optional.empty()).reason()).startsWith("judged on rootposture-reader");
                assertThat(run.verdict(second.use(), account, Optional.empty()).reason()).startsWith("judged on rootposture-reader");
            }
            assertThat(judged).as("once per control and account").hasSize(2 * accounts.size()).doesNotHaveDuplicates();
            List<String> leading = accounts.subList(0, 3).stream().map(AwsAccount::id).toList();
            assertThat(judged.subList(0, 6)).as("every control's first three accounts before the rest of any")
                    .isEqualTo(List.of("acme.first|" + leading.get(0), "acme.first|" + leading.get(1), "acme.first|" + leading.get(2),
                            "acme.second|" + leading.get(0), "acme.second|" + leading.get(1), "acme.second|" + leading.get(2)));

            AwsAccount again = accounts.get(0);
            assertThat(run.verdict(first.use(), again, Optional.empty()).reason())
                    .as("an invocation whose verdict was taken already, or never judged ahead, is judged on its own thread")
                    .isEqualTo("judged on " + Thread.currentThread().getName());
        } finally {
            Allure.setLifecycle(original);
        }
    }

    /** A built-in control whose verdict says which thread judged it, and which notes each account it judged. */
    private static final class Recording implements BuiltInControl {

        private final ControlDefinition definition;
        private final ControlUse use;
        private final List<String> judged;

        Recording(String id, List<String> judged) {
            this.judged = judged;
            this.definition = new ControlDefinition(id, id, "ACME", "", List.<CisReference>of(), Severity.LOW, "", "", List.of());
            this.use = new ControlUse(Optional.of(definition), Optional.of(this), Optional.empty(), Optional.empty());
        }

        ControlUse use() {
            return use;
        }

        @Override
        public ControlDefinition definition() {
            return definition;
        }

        @Override
        public Verdict evaluate(AccountEvidence evidence, EvaluationContext context) {
            judged.add(definition.id() + "|" + evidence.identity().accountId());
            return Verdict.pass("judged on " + Thread.currentThread().getName());
        }
    }
}
