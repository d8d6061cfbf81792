package org.rootposture.allure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AllureHeapTest {

    @Test
    void parsesMegabytesAndGigabytesIntoTheJvmOption() {
        assertThat(AllureHeap.parse(" 1536M ").jvmOption()).isEqualTo("-Xmx1536m");
        assertThat(AllureHeap.parse("2g")).isEqualTo(AllureHeap.DEFAULT);
        assertThat(AllureHeap.parse("8m").doubled()).isEqualTo(AllureHeap.parse("16m"));
        assertThat(AllureHeap.DEFAULT.doubled()).hasToString("4g");
        for (String wrong : new String[] {"", "2", "2gb", "0g", "-1g", "7m", "1.5g", "2 g", "99999999g"}) {
            assertThatThrownBy(() -> AllureHeap.parse(wrong)).as(wrong).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("expected a heap size as for java -Xmx");
        }
    }

    @Test
    void theEnvironmentVariableGivesTheHeapWhenSetElseTheDefault() {
        assertThat(AllureHeap.fromEnvironment(Map.of())).isEqualTo(AllureHeap.DEFAULT);
        assertThat(AllureHeap.fromEnvironment(Map.of(AllureHeap.ENVIRONMENT_VARIABLE, " "))).isEqualTo(AllureHeap.DEFAULT);
        assertThat(AllureHeap.fromEnvironment(Map.of("ROOTPOSTURE_ALLURE_HEAP", "3g"))).hasToString("3g");
        assertThatThrownBy(() -> AllureHeap.fromEnvironment(Map.of("ROOTPOSTURE_ALLURE_HEAP", "lots")))
                .isInstanceOf(ReportException.class)
                .hasMessageStartingWith("The environment variable ROOTPOSTURE_ALLURE_HEAP: expected a heap size");
    }
}
