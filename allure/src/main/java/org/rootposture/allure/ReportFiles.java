package org.rootposture.allure;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The files a finished report embeds (see {@link EmbeddedData}), by the name Allure gave them, for tools and tests that
 * look inside a report: {@code widgets/categories.json}, {@code data/test-cases/<uid>.json}, {@code history/history.json}.
 * Reads the whole page: meant for checking a report, not for generating one.
 *
 * <pre>
 * Map&lt;String, byte[]&gt; files = ReportFiles.read(Path.of("target/allure-report/index.html"));
 * new String(files.get("widgets/summary.json"), StandardCharsets.UTF_8);
 * </pre>
 */
public final class ReportFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportFiles() {
    }

    /**
     * Every embedded file, in the order Allure wrote them.
     *
     * @throws UncheckedIOException naming the page when it is not a report this generator finished
     */
    public static Map<String, byte[]> read(Path indexHtml) {
        try {
            String html = Files.readString(indexHtml, StandardCharsets.UTF_8);
            byte[] files = gunzip(script(html, EmbeddedData.DATA_ID, indexHtml));
            JsonNode index = JSON.readTree(gunzip(script(html, EmbeddedData.INDEX_ID, indexHtml)));
            Map<String, byte[]> read = new LinkedHashMap<>();
            index.fields().forEachRemaining(entry -> {
                int offset = entry.getValue().get(0).asInt();
                read.put(entry.getKey(), Arrays.copyOfRange(files, offset, offset + entry.getValue().get(1).asInt()));
            });
            return read;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the files embedded in " + indexHtml + ": " + e.getMessage(), e);
        }
    }

    /** One embedded file, parsed as JSON. */
    public static JsonNode json(Path indexHtml, String name) {
        byte[] file = read(indexHtml).get(name);
        if (file == null) {
            throw new UncheckedIOException(new IOException("The report " + indexHtml + " embeds no " + name));
        }
        try {
            return JSON.readTree(file);
        } catch (IOException e) {
            throw new UncheckedIOException("The file " + name + " embedded in " + indexHtml + " is not JSON", e);
        }
    }

    private static byte[] script(String html, String id, Path indexHtml) throws IOException {
        String start = "id=\"" + id + "\">";
        int from = html.indexOf(start);
        int to = from < 0 ? -1 : html.indexOf("</script>", from);
        if (to < 0) {
            throw new IOException("no script " + id + " in " + indexHtml);
        }
        return Base64.getMimeDecoder().decode(html.substring(from + start.length(), to));
    }

    private static byte[] gunzip(byte[] compressed) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return in.readAllBytes();
        }
    }
}
