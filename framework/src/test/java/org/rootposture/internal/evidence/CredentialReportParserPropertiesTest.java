package org.rootposture.internal.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.rootposture.evidence.CredentialReport;
import org.rootposture.evidence.Provenance;
import org.rootposture.internal.session.EvidenceUnavailableException;

/**
 * Properties of the credential report parser: the root row means the same whatever the column order, extra
 * columns, quoting and line ends; and any input at all is either a report or {@link EvidenceUnavailableException},
 * never another exception.
 */
class CredentialReportParserPropertiesTest {

    private static final Instant GENERATED = Instant.parse("2026-11-21T10:00:00Z");
    private static final Provenance PROVENANCE = new Provenance(List.of("iam:GetCredentialReport"), GENERATED);

    @Property(tries = 200)
    void theRootRowIsTheSameWhateverTheLayout(@ForAll("layouts") Layout layout, @ForAll boolean keysActive,
                                               @ForAll @IntRange(min = 0, max = 3) int users) {
        Map<String, String> root = rootRow(keysActive);
        CredentialReport canonical = CredentialReportParser.parse(csv(List.copyOf(root.keySet()), List.of(root), "\n", false), GENERATED, PROVENANCE);

        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            rows.add(userRow("user" + i));
        }
        rows.add(layout.rootAt() % (users + 1), root);
        List<String> columns = new ArrayList<>(root.keySet());
        columns.addAll(layout.extraColumns());
        java.util.Collections.shuffle(columns, new java.util.Random(layout.seed()));
        for (Map<String, String> row : rows) {
            layout.extraColumns().forEach(extra -> row.putIfAbsent(extra, "x,\"y\"\nz"));
        }
        CredentialReport parsed = CredentialReportParser.parse(csv(columns, rows, layout.lineEnd(), layout.quoteAll()), GENERATED, PROVENANCE);

        assertThat(parsed.root()).isEqualTo(canonical.root());
        assertThat(parsed.userRows()).isEqualTo(users);
    }

    @Property(tries = 500)
    void anyInputIsAReportOrUnavailableNeverAnotherException(@ForAll("garbage") String input) {
        try {
            CredentialReportParser.parse(input, GENERATED, PROVENANCE);
        } catch (EvidenceUnavailableException expected) {
            assertThat(expected.getMessage()).startsWith(CredentialReportParser.OPERATION + " failed with MalformedCredentialReport");
        }
    }

    record Layout(List<String> extraColumns, long seed, String lineEnd, boolean quoteAll, int rootAt) { }

    @Provide
    Arbitrary<Layout> layouts() {
        Arbitrary<List<String>> extras = Arbitraries.strings().withCharRange('a', 'z').withChars(' ', ',', '"', '_').ofMinLength(1).ofMaxLength(12)
                .filter(name -> !name.isBlank())
                .map(name -> "extra " + name)
                .list().ofMaxSize(3).uniqueElements();
        return net.jqwik.api.Combinators.combine(extras, Arbitraries.longs(), Arbitraries.of("\n", "\r\n"), Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 10)).as(Layout::new);
    }

    @Provide
    Arbitrary<String> garbage() {
        Arbitrary<String> header = Arbitraries.just(String.join(",", rootRow(false).keySet()) + "\n");
        Arbitrary<String> noise = Arbitraries.strings().all().ofMaxLength(300);
        Arbitrary<String> csvish = Arbitraries.strings().withChars(',', '"', '\n', '\r', 'a', '<', '>', '_', ' ').ofMaxLength(200);
        return Arbitraries.oneOf(noise, csvish, net.jqwik.api.Combinators.combine(header, csvish).as(String::concat),
                Arbitraries.just(""), Arbitraries.just("\"unterminated"), Arbitraries.just("user,arn\n<root_account>"));
    }

    private static Map<String, String> rootRow(boolean keysActive) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("user", "<root_account>");
        row.put("arn", "arn:aws:iam::123456789012:root");
        row.put("user_creation_time", "2020-01-01T00:00:00+00:00");
        row.put("password_enabled", "not_supported");
        row.put("password_last_used", "2026-10-01T08:00:00+00:00");
        row.put("password_last_changed", "not_supported");
        row.put("password_next_rotation", "not_supported");
        row.put("mfa_active", "true");
        for (int key = 1; key <= 2; key++) {
            row.put("access_key_" + key + "_active", String.valueOf(keysActive));
            row.put("access_key_" + key + "_last_rotated", keysActive ? "2024-01-01T00:00:00+00:00" : "N/A");
            row.put("access_key_" + key + "_last_used_date", "N/A");
            row.put("access_key_" + key + "_last_used_region", "N/A");
            row.put("access_key_" + key + "_last_used_service", "N/A");
        }
        for (int cert = 1; cert <= 2; cert++) {
            row.put("cert_" + cert + "_active", "false");
            row.put("cert_" + cert + "_last_rotated", "N/A");
        }
        return row;
    }

    private static Map<String, String> userRow(String name) {
        Map<String, String> row = rootRow(false);
        row.put("user", name);
        row.put("arn", "arn:aws:iam::123456789012:user/" + name);
        row.put("password_enabled", "true");
        return row;
    }

    private static String csv(List<String> columns, List<Map<String, String>> rows, String lineEnd, boolean quoteAll) {
        StringBuilder csv = new StringBuilder(columns.stream().map(name -> field(name, quoteAll)).collect(Collectors.joining(","))).append(lineEnd);
        for (Map<String, String> row : rows) {
            csv.append(columns.stream().map(column -> field(row.getOrDefault(column, ""), quoteAll)).collect(Collectors.joining(","))).append(lineEnd);
        }
        return csv.toString();
    }

    private static String field(String value, boolean quote) {
        return quote || value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
