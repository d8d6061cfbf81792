package org.rootposture.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

class CategoriesTest {

    private static final List<Map<String, Object>> CATEGORIES = read();

    private static List<Map<String, Object>> read() {
        try {
            return new ObjectMapper().readValue(Categories.json(), new TypeReference<>() { });
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void oneCategoryPerVerdictThatIsNotAPassAndTestDefects() {
        assertThat(CATEGORIES).extracting(category -> category.get("name"))
                .containsExactly("Non-compliant", "Unable to assess", "Not applicable", "Waived", Categories.TEST_DEFECTS);
    }

    @Test
    void eachVerdictsMessageFallsIntoItsOwnCategoryOnly() {
        assertThat(categoriesOf("failed", "No SCP in effect denies every action by the root user.")).containsExactly("Non-compliant");
        assertThat(categoriesOf("broken", "Unable to assess: iam:GetAccountSummary failed with AccessDenied.")).containsExactly("Unable to assess");
        assertThat(categoriesOf("skipped", "Not applicable: The account is SUSPENDED.")).containsExactly("Not applicable");
        assertThat(categoriesOf("skipped", "Waived until 2099-03-31 by Jane Doe (CISO): keys ordered.")).containsExactly("Waived");
        assertThat(categoriesOf("broken", "java.lang.NullPointerException")).containsExactly(Categories.TEST_DEFECTS);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> categoriesOf(String status, String message) {
        return CATEGORIES.stream()
                .filter(category -> ((List<String>) category.get("matchedStatuses")).contains(status))
                .filter(category -> !category.containsKey("messageRegex")
                        || Pattern.compile((String) category.get("messageRegex"), Pattern.DOTALL).matcher(message).matches())
                .map(category -> category.get("name"))
                .toList();
    }
}
