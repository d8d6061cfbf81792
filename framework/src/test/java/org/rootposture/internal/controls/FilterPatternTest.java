package org.rootposture.internal.controls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilterPatternTest {

    @Test
    void theCisPatternMatchesItself() {
        assertThat(FilterPattern.matchesCisRootUsage(FilterPattern.CIS_ROOT_USAGE)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{$.userIdentity.type=\"Root\"&&$.userIdentity.invokedBy NOT EXISTS&&$.eventType!=\"AwsServiceEvent\"}",
            "{\n  $.userIdentity.type = \"Root\"\n  && $.userIdentity.invokedBy NOT EXISTS\n  && $.eventType != \"AwsServiceEvent\"\n}",
            "{ ($.userIdentity.type = \"Root\") && ($.userIdentity.invokedBy NOT EXISTS) && ($.eventType != \"AwsServiceEvent\") }",
            "{ (($.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS) && $.eventType != \"AwsServiceEvent\") }",
            "{ $.eventType != \"AwsServiceEvent\" && $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS }",
            "{ $.userIdentity.invokedBy NOT EXISTS && ($.eventType != \"AwsServiceEvent\" && $.userIdentity.type = \"Root\") }",
            "{ $.userIdentity.type = Root && $.userIdentity.invokedBy NOT EXISTS && $.eventType != AwsServiceEvent }",
            "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy not exists && $.eventType != \"AwsServiceEvent\" }",
            "  {\t$.userIdentity.type = \"Root\" &&\t$.userIdentity.invokedBy   NOT   EXISTS && $.eventType != \"AwsServiceEvent\"}  ",
    })
    void equivalentWritingsMatch(String pattern) {
        assertThat(FilterPattern.matchesCisRootUsage(pattern)).as(pattern).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{ $.userIdentity.type = \"Root\" || $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }",
            "{ ($.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS) || $.eventType != \"AwsServiceEvent\" }",
            "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS }",
            "{ $.userIdentity.type = \"Root\" && $.eventType != \"AwsServiceEvent\" }",
            "{ $.userIdentity.type = \"Root\" }",
            "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" && $.awsRegion = \"us-east-1\" }",
            "{ $.userIdentity.type = \"root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }",
            "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType = \"AwsServiceEvent\" }",
            "{ $.userIdentity.type != \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }",
            "{ $.userIdentity.arn = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }",
            "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy IS NULL && $.eventType != \"AwsServiceEvent\" }",
            "{ $.userIdentity.type = \"Root*\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }",
            "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\"",
            "$.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\"",
            "{ $.userIdentity.type = \"Root\" && && $.eventType != \"AwsServiceEvent\" }",
            "Root",
            "",
    })
    void nearMissesDoNotMatch(String pattern) {
        assertThat(FilterPattern.matchesCisRootUsage(pattern)).as(pattern).isFalse();
    }

    @Test
    void noPatternMatchesNothing() {
        assertThat(FilterPattern.matchesCisRootUsage(null)).isFalse();
    }

    @Test
    void termsAreNormalised() {
        assertThat(FilterPattern.conjunction("{ ($.a = \"x\") && $.b[0] != 1 && $.c IS true }")).hasValueSatisfying(terms -> assertThat(terms)
                .containsExactlyInAnyOrder(new FilterPattern.Term("$.a", "=", "x"), new FilterPattern.Term("$.b[0]", "!=", "1"),
                        new FilterPattern.Term("$.c", "IS", "TRUE")));
    }
}
