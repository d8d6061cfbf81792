package org.rootposture.allure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexHtmlTest {

    /** The inline analytics stub Allure 2 writes into the head of its report. */
    static final String STUB = """
                <script>
                    window.dataLayer = window.dataLayer || [];
                    function gtag(){dataLayer.push(arguments);}
                    gtag('js', new Date());
                    gtag('config', 'G-FVWC4GKEYS', {'single_file': true});
                </script>
            """;
    private static final String PANEL = "<details id=\"rootposture-panel\">Zürich · matrix</details>\n";
    private static final String LAST = "<script>allure.api.addTranslation('en', {});</script>\n";
    private static final String FIRST = EmbeddedData.LOADER + PANEL;
    private static final String DATA = "[the files, compressed]";

    @TempDir
    Path dir;

    @Test
    void dropsTheAnalyticsStubWithItsLineAndPutsTheBlockFirstInTheBody() throws Exception {
        String head = "<!DOCTYPE html>\n<html>\n<head>\n    <title>Posture · Zürich</title>\n"
                + "    <script src=\"data:text/javascript;base64,QUJD\"></script>\n";
        String rest = "    <script async>\n        window.reportData = {};\n    </script>\n</head>\n<BODY class=\"x\">"
                + "\n    <div id=\"content\"></div>\n    <script>if (a<b && c>d) {}</script>\n</body>\n</html>\n";

        String finished = copy(head + STUB + rest);

        assertThat(finished).isEqualTo(head + rest.replace("<BODY class=\"x\">", "<BODY class=\"x\">\n" + FIRST)
                .replace("</body>", DATA + LAST + "</body>"));
        assertThat(copy((head + STUB + rest).replace("\n", "\r\n")))
                .isEqualTo((head + rest).replace("\n", "\r\n").replace("<BODY class=\"x\">", "<BODY class=\"x\">\n" + FIRST)
                        .replace("</body>", DATA + LAST + "</body>"));
    }

    @Test
    void aPageWithoutBodyIsRefusedAndLongScriptsAndFalseTagsPassUnchanged() throws Exception {
        assertThatThrownBy(() -> copy("<html><head></head><bodyguard></bodyguard></html>"))
                .isInstanceOf(ReportException.class).hasMessageContaining("no <body>");

        String longScript = "<script>var x = 1 <" + " y".repeat(100_000) + "; function gtag(){}</script>\n";
        String longFalseTag = "<p>1 <" + " 2".repeat(100_000) + " > 0</p>\n";
        String page = "<html><head>\n" + longScript + "</head><body>\n" + longFalseTag + "</body></html>\n";
        assertThat(copy(page)).isEqualTo(page.replace("<body>", "<body>\n" + FIRST).replace("</body>", DATA + LAST + "</body>"));
    }

    @Test
    void finishesInPlaceAndNamesAMissingReport() throws Exception {
        Path index = Files.writeString(dir.resolve("index.html"), "<html><body></body></html>");

        assertThat(IndexHtml.finish(index, PANEL, LAST, dir.resolve("history"))).as("history files").isZero();

        assertThat(withoutData(Files.readString(index))).isEqualTo("<html><body>\n" + FIRST + DATA + LAST + "</body></html>");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(index);
        }
        assertThatThrownBy(() -> IndexHtml.finish(dir.resolve("missing/index.html"), PANEL, LAST, dir.resolve("history")))
                .isInstanceOf(ReportException.class).hasMessageContaining("produced no " + dir.resolve("missing/index.html"));
    }

    @Test
    void theHistoryAllureEmbeddedIsWrittenOutAndOnlyIt() throws Exception {
        String trend = "[{\"buildOrder\":1,\"data\":{\"passed\":3}}]";
        Path index = Files.writeString(dir.resolve("index.html"), "<html><body>\n<script defer>\n Promise.allSettled([\n"
                + "        d('data/test-cases/1.json','" + base64("{\"name\":\"x\"}") + "'),\n"
                + "        d('history/history-trend.json','" + base64(trend) + "'),\n"
                + "        d('history/../escape.json','" + base64("{}") + "'),\n"
                + "        d('history/history.json','" + base64("{}") + "'),\n"
                + " ]).then(function(){window.reportDataReady = true;})\n</script>\n</body></html>");

        assertThat(IndexHtml.finish(index, PANEL, LAST, dir.resolve("allure-history"))).isEqualTo(2);

        assertThat(dir.resolve("allure-history/history-trend.json")).hasContent(trend);
        assertThat(dir.resolve("allure-history/history.json")).hasContent("{}");
        try (var files = Files.list(dir.resolve("allure-history"))) {
            assertThat(files).hasSize(2);
        }
        assertThat(dir.resolve("escape.json")).doesNotExist();
        assertThat(Files.readString(index)).doesNotContain("d('data/", "d('history/");
        Map<String, byte[]> embedded = ReportFiles.read(index);
        assertThat(embedded.keySet()).containsExactly("data/test-cases/1.json", "history/history-trend.json", "history/../escape.json",
                "history/history.json");
        assertThat(new String(embedded.get("history/history-trend.json"), StandardCharsets.UTF_8)).isEqualTo(trend);
        assertThat(withoutData(Files.readString(index))).isEqualTo("<html><body>\n" + FIRST + "\n<script defer>\n Promise.allSettled([\n"
                + "        ]).then(function(){window.reportDataReady = true;})\n</script>\n" + DATA + LAST + "</body></html>");
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aReportManyTimesLargerThanTheHeapIsFinishedAndVerifiedInThatHeap() throws Exception {
        Path index = dir.resolve("index.html");
        long size;
        try (OutputStream out = Files.newOutputStream(index)) {
            size = SyntheticReport.write(out);
        }
        assertThat(size).as("report size in bytes").isGreaterThan(6L * SyntheticReport.HEAP_MEGABYTES * 1024 * 1024);

        ChildJvm.Exit exit = ChildJvm.run(SyntheticReport.HEAP_MEGABYTES + "m", SyntheticReport.class, index.toString());

        assertThat(exit.status()).as("child JVM output: %s", exit.output()).isZero();
        Map<String, byte[]> files = ReportFiles.read(index);
        assertThat(files).hasSize(40_002);
        assertThat(files.get("data/test-cases/39999.json")).isEqualTo(SyntheticReport.testCase());
        assertThat(files.get("data/behaviors.json")).hasSize((int) SyntheticReport.HISTORY_BYTES).containsOnly(0);
        assertThat(withoutData(Files.readString(index))).startsWith("<!DOCTYPE html>\n<html dir=\"ltr\">\n<head>\n    <title>Synthetic</title>\n"
                + "</head>\n<body>\n" + FIRST).endsWith(DATA + LAST + "        </body>\n</html>\n").doesNotContain("gtag", "d('data/");
        assertThat(Files.size(dir.resolve("history/history.json"))).as("the history embedded, larger than the heap")
                .isEqualTo(SyntheticReport.HISTORY_BYTES);
    }

    private static String copy(String html) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (EmbeddedData data = new EmbeddedData(Files.createTempDirectory("history"))) {
            IndexHtml.copy(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)), out, PANEL, LAST, data);
        }
        return withoutData(out.toString(StandardCharsets.UTF_8));
    }

    /** The page with the compressed files replaced by {@link #DATA}. */
    private static String withoutData(String html) {
        return html.replaceAll("(?s)\n<script type=\"application/gzip;base64\" id=\"rootposture-data\">.*?"
                + "<script>window.rootpostureUnpack\\(\\);</script>\n", Matcher.quoteReplacement(DATA));
    }

    /**
     * An Allure-like single-file report of about 200 MB: a head with the analytics stub, a body, 40,000 embedded
     * test cases, one 24 MB payload (more than the child's whole heap) on a single line, and a history of the same size.
     */
    static final class SyntheticReport {

        static final int HEAP_MEGABYTES = 24;
        static final long HISTORY_BYTES = 6L * 3 * 1024 * 1024;

        static long write(OutputStream out) throws IOException {
            long written = 0;
            written += write(out, "<!DOCTYPE html>\n<html dir=\"ltr\">\n<head>\n    <title>Synthetic</title>\n"
                    + STUB + "</head>\n<body>\n");
            byte[] testCase = Base64.getEncoder().encode(testCase());
            for (int i = 0; i < 40_000; i++) {
                written += write(out, "        d('data/test-cases/" + i + ".json','");
                out.write(testCase);
                written += testCase.length + write(out, "')\n");
            }
            byte[] block = Base64.getEncoder().encode(new byte[3 * 1024 * 1024]);
            for (String name : new String[] {"data/behaviors.json", "history/history.json"}) {
                written += write(out, "        d('" + name + "','");
                for (int i = 0; i < 6; i++) {
                    out.write(block);
                    written += block.length;
                }
                written += write(out, "')\n");
            }
            return written + write(out, "</body>\n</html>\n");
        }

        static byte[] testCase() {
            return ("{\"name\":\"" + "x".repeat(3000) + "\"}").getBytes(StandardCharsets.UTF_8);
        }

        private static long write(OutputStream out, String text) throws IOException {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            out.write(bytes);
            return bytes.length;
        }

        public static void main(String[] args) {
            Path index = Path.of(args[0]);
            IndexHtml.finish(index, PANEL, LAST, index.resolveSibling("history"));
            ReportVerifier.verify(index);
        }
    }
}
