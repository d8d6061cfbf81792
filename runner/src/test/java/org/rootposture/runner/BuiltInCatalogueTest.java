package org.rootposture.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.rootposture.Evaluates;
import org.rootposture.controls.Catalogue;
import org.rootposture.runner.catalogue.BuiltInCatalogue;

class BuiltInCatalogueTest {

    @Test
    void holdsEveryBuiltInControlExactlyOnce() {
        var ids = Arrays.stream(BuiltInCatalogue.class.getDeclaredMethods())
                .flatMap(method -> Arrays.stream(method.getAnnotations()))
                .map(annotation -> annotation.annotationType().getAnnotation(Evaluates.class))
                .filter(evaluates -> evaluates != null)
                .map(Evaluates::value)
                .toList();
        assertThat(ids).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(Catalogue.all().stream().map(control -> control.definition().id()).toList());
    }
}
