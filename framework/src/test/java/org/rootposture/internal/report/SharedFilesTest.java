package org.rootposture.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rootposture.evidence.AccountSummary;
import org.rootposture.evidence.Provenance;
import org.rootposture.internal.controls.Verdict;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.TestResult;

/**
 * A record's attachment is prepared ahead, on any thread, and written into the results only when a result attaches it,
 * once however many results do.
 */
class SharedFilesTest {

    private final AllureLifecycle original = Allure.getLifecycle();

    @AfterEach
    void restore() {
        Allure.setLifecycle(original);
    }

    @Test
    void aPreparedRecordIsWrittenOnceWhenAResultFirstAttachesItAndNeverBefore(@TempDir Path results) throws Exception {
        AllureLifecycle lifecycle = new AllureLifecycle(new FileSystemResultsWriter(results));
        Allure.setLifecycle(lifecycle);
        AllureReport report = new AllureReport();
        Verdict verdict = Verdict.pass("No keys.", new AccountSummary(Map.of(AccountSummary.ACCESS_KEYS_PRESENT, 0),
                Provenance.of(Instant.parse("2026-12-01T00:00:00Z"), "iam:GetAccountSummary")));

        Thread reader = new Thread(() -> report.prepare(verdict), "rootposture-reader");
        reader.start();
        reader.join();
        assertThat(results).as("nothing written for a record no result uses yet").isEmptyDirectory();

        List<Attachment> first = attachedIn(lifecycle, "1", report, verdict);
        List<Attachment> second = attachedIn(lifecycle, "2", report, verdict);

        assertThat(first).extracting(Attachment::getName).containsExactly("Evidence · AccountSummary");
        assertThat(second).extracting(Attachment::getSource).isEqualTo(first.stream().map(Attachment::getSource).toList());
        try (Stream<Path> files = Files.list(results)) {
            assertThat(files.map(file -> file.getFileName().toString()).filter(name -> name.startsWith(AllureReport.SHARED_PREFIX)))
                    .containsExactly(first.get(0).getSource());
        }
        assertThat(Files.readString(results.resolve(first.get(0).getSource()))).contains("\"type\" : \"AccountSummary\"");
    }

    private static List<Attachment> attachedIn(AllureLifecycle lifecycle, String uuid, AllureReport report, Verdict verdict) {
        lifecycle.scheduleTestCase(new TestResult().setUuid(uuid).setName(uuid));
        lifecycle.startTestCase(uuid);
        report.evidence(verdict);
        report.evidence(verdict);
        TestResult[] result = new TestResult[1];
        lifecycle.updateTestCase(uuid, running -> result[0] = running);
        lifecycle.stopTestCase(uuid);
        lifecycle.writeTestCase(uuid);
        return result[0].getAttachments();
    }
}
