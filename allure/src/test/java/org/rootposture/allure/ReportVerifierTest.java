package org.rootposture.allure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportVerifierTest {

    @TempDir
    Path dir;

    @Test
    void rejectsAnalyticsLeftInThePage() throws Exception {
        Path stub = write(page(IndexHtmlTest.STUB));
        assertThatThrownBy(() -> ReportVerifier.verify(stub)).isInstanceOf(ReportException.class)
                .hasMessageContaining("analytics").hasMessageContaining("gtag");

        Path tagManager = write(page("<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-1\"></script>"));
        assertThatThrownBy(() -> ReportVerifier.verify(tagManager)).isInstanceOf(ReportException.class)
                .hasMessageContaining("googletagmanager");
    }

    @Test
    void rejectsScriptsAndStylesheetsFromOtherHosts() throws Exception {
        for (String tag : new String[] {
                "<script src=\"https://cdn.example.com/app.js\"></script>",
                "<script type=\"text/javascript\" src='http://cdn.example.com/app.js'></script>",
                "<link rel=\"stylesheet\" href=\"//fonts.example.com/css\">",
                "<LINK REL=stylesheet HREF=https://fonts.example.com/css>"}) {
            Path index = write(page(tag));
            assertThatThrownBy(() -> ReportVerifier.verify(index)).as(tag).isInstanceOf(ReportException.class)
                    .hasMessageContaining("loads content from another host")
                    .hasMessageContaining("example.com");
        }
    }

    @Test
    void ignoresWordsThatOnlyAppearInsideBase64Payloads() throws Exception {
        String payload = "A".repeat(40) + "gtagGoogletagmanager" + "B".repeat(40);
        Path index = write(page("<script src=\"data:text/javascript;base64," + payload + "\"></script>\n"
                + "<a href=\"https://docs.aws.amazon.com/IAM/\">AWS docs</a>"));

        assertThatCode(() -> ReportVerifier.verify(index)).doesNotThrowAnyException();
    }

    @Test
    void findsWhatStraddlesTheWindowsItReadsAndWhatFollowsAPaddedPayload() throws Exception {
        String tag = "<script src=\"https://cdn.example.com/app.js\"></script>";
        String start = "<!DOCTYPE html>\n<html>\n<head></head>\n<body>\n";
        for (int before : new int[] {5, 30, tag.length() - 5}) {
            int fill = (1 << 20) - start.length() - before;
            String filler = "<p>filler text</p>\n".repeat(fill / 19) + " ".repeat(fill % 19);
            Path index = write(start + filler + tag + "</body>\n</html>\n");
            assertThat(Files.size(index)).isGreaterThan(1 << 20);
            assertThatThrownBy(() -> ReportVerifier.verify(index)).as("tag starting %d bytes before 1 MiB", before)
                    .isInstanceOf(ReportException.class).hasMessageContaining("cdn.example.com/app.js");
        }

        Path padded = write(page("<script src=\"data:text/javascript;base64," + "Q".repeat(100) + "==gtag('js')\"></script>"));
        assertThatThrownBy(() -> ReportVerifier.verify(padded)).isInstanceOf(ReportException.class)
                .hasMessageContaining("analytics");
    }

    @Test
    void missingOrEmptyReportFails() throws Exception {
        assertThatThrownBy(() -> ReportVerifier.verify(dir.resolve("index.html")))
                .isInstanceOf(ReportException.class).hasMessageContaining("produced no");
        Path empty = Files.writeString(dir.resolve("index.html"), " ");
        assertThatThrownBy(() -> ReportVerifier.verify(empty))
                .isInstanceOf(ReportException.class).hasMessageContaining("is empty");
    }

    private static String page(String body) {
        return "<!DOCTYPE html>\n<html>\n<head><link rel=\"icon\" href=\"data:image/x-icon;base64,AAAB\"></head>\n<body>\n"
                + body + "</body>\n</html>\n";
    }

    private Path write(String html) throws Exception {
        return Files.writeString(dir.resolve("index.html"), html);
    }
}
