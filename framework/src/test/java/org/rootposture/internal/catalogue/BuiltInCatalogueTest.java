package org.rootposture.internal.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.ReflectionSupport;
import org.rootposture.Evaluates;
import org.rootposture.internal.controls.Catalogue;

/** The one posture class of every built-in control agrees with the catalogue and with the framework's control annotations. */
class BuiltInCatalogueTest {

    @Test
    void holdsEveryBuiltInControlAnnotationExactlyOnce() {
        List<String> methods = Arrays.stream(BuiltInCatalogue.class.getDeclaredMethods())
                .flatMap(method -> Arrays.stream(method.getAnnotations()))
                .map(annotation -> annotation.annotationType().getAnnotation(Evaluates.class))
                .filter(Objects::nonNull)
                .map(Evaluates::value)
                .toList();
        List<String> inTheFramework = ReflectionSupport.findAllClassesInPackage("org.rootposture",
                        type -> type.isAnnotation() && type.isAnnotationPresent(Evaluates.class) && inTheFramework(type), name -> true).stream()
                .map(type -> type.getAnnotation(Evaluates.class).value())
                .toList();

        assertThat(methods).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(Catalogue.all().stream().map(control -> control.definition().id()).toList())
                .containsExactlyInAnyOrderElementsOf(inTheFramework);
    }

    private static boolean inTheFramework(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation().equals(Evaluates.class.getProtectionDomain().getCodeSource().getLocation());
    }

    @Test
    void itsMethodsAreNamedAfterTheirAnnotation() {
        for (var method : BuiltInCatalogue.class.getDeclaredMethods()) {
            Class<? extends Annotation> annotation = method.getAnnotations()[0].annotationType();
            String name = annotation.getSimpleName();
            assertThat(method.getName()).isEqualTo(Character.toLowerCase(name.charAt(0)) + name.substring(1));
        }
    }
}
