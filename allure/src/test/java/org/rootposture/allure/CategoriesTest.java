package org.rootposture.allure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CategoriesTest {

    @TempDir
    Path results;

    @Test
    void copiesValidCategoriesWithTheVerdictNames() throws Exception {
        Files.writeString(results.resolve("categories.json"), "stale");

        Path file = Categories.copyInto(results);

        JsonNode categories = new ObjectMapper().readTree(file.toFile());
        List<String> names = new ArrayList<>();
        categories.forEach(category -> names.add(category.get("name").asText()));
        assertThat(file).isEqualTo(results.resolve("categories.json"));
        assertThat(names).containsExactly("Non-compliant", "Unable to assess", "Not applicable", "Waived", "Test defects");
        categories.forEach(category -> assertThat(category.path("description").asText()).hasSizeGreaterThan(40));
        assertThat(statuses(categories.get(0))).containsExactly("failed");
        assertThat(statuses(categories.get(1))).containsExactly("broken");
        assertThat(statuses(categories.get(2))).containsExactly("skipped");
        assertThat(statuses(categories.get(3))).containsExactly("skipped");
        assertThat(statuses(categories.get(4))).containsExactly("broken");
        assertThat(categories.get(1).get("description").asText()).contains("Never counted as compliant");
    }

    @Test
    void messageRegexesSortBrokenResultsTheWayAllureMatchesThem() throws Exception {
        JsonNode categories = new ObjectMapper().readTree(Categories.copyInto(results).toFile());
        Pattern unableToAssess = allurePattern(categories.get(1));
        Pattern notApplicable = allurePattern(categories.get(2));
        Pattern waived = allurePattern(categories.get(3));
        Pattern testDefect = allurePattern(categories.get(4));

        String unable = "Unable to assess ROOT-MFA: AccessDenied\non iam:GetAccountSummary";
        String defect = "java.lang.NullPointerException: Cannot invoke \"String.length()\"\n\tat x";

        assertThat(unableToAssess.matcher(unable).matches()).isTrue();
        assertThat(testDefect.matcher(unable).matches()).isFalse();
        assertThat(unableToAssess.matcher(defect).matches()).isFalse();
        assertThat(testDefect.matcher(defect).matches()).isTrue();
        assertThat(notApplicable.matcher("Not applicable: no root user\nin GovCloud").matches()).isTrue();
        assertThat(notApplicable.matcher("disabled by @Disabled").matches()).isFalse();
        String waiver = "Waived until 2099-12-31 by Jane Doe (CISO): keys on order.\nFinding: virtual MFA";
        assertThat(waived.matcher(waiver).matches()).isTrue();
        assertThat(notApplicable.matcher(waiver).matches()).isFalse();
        assertThat(waived.matcher("Not applicable: no root user").matches()).isFalse();
    }

    private static Pattern allurePattern(JsonNode category) {
        return Pattern.compile(category.get("messageRegex").asText(), Pattern.DOTALL);
    }

    private static List<String> statuses(JsonNode category) {
        List<String> statuses = new ArrayList<>();
        category.get("matchedStatuses").forEach(status -> statuses.add(status.asText()));
        return statuses;
    }
}
