package org.rootposture.lab;

import java.util.List;
import java.util.Map;

/**
 * The IAM credential report of an account. Rows are maps from CSV column name (such as {@code mfa_active} or
 * {@code password_last_used}) to value; columns left out take the lab's defaults, date columns take time values.
 *
 * @param generation    states {@code iam:GenerateCredentialReport} answers, one per call, the last one repeating
 *                      (default {@code ["COMPLETE"]})
 * @param generatedTime time value of the report's generation (default: when generation reached {@code COMPLETE})
 * @param root          columns of the root row
 * @param users         rows of IAM users; each needs a {@code user} column
 * @param omitRoot      leave the root row out (for malformed-report tests)
 * @param csv           raw CSV that replaces the whole report (for malformed-report tests)
 */
public record CredentialReportFixture(
        List<String> generation,
        String generatedTime,
        Map<String, String> root,
        List<Map<String, String>> users,
        Boolean omitRoot,
        String csv) {

    static final CredentialReportFixture DEFAULT = new CredentialReportFixture(null, null, null, null, null, null);

    public CredentialReportFixture {
        generation = generation == null ? List.of("COMPLETE") : Copies.list(generation);
        root = Copies.mapWithoutNulls(root);
        users = users == null ? List.of() : users.stream().map(Copies::mapWithoutNulls).toList();
        omitRoot = omitRoot != null && omitRoot;
    }
}
