package org.rootposture.benchmark;

import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;

import org.rootposture.Evaluates;
import org.rootposture.internal.catalogue.BuiltInCatalogue;
import org.rootposture.internal.controls.BuiltInControl;
import org.rootposture.internal.controls.Catalogue;

/**
 * The posture class a platform team would write to run the whole built-in catalogue: the framework's own
 * {@link BuiltInCatalogue}, {@code @RootPosture} and one method per built-in control annotation with an empty body and
 * default options, so a control added to the framework is benchmarked without touching this module.
 */
final class CatalogueClass {

    private static final String PACKAGE = "org.rootposture";

    private final List<Class<? extends Annotation>> annotations;
    private final Class<?> postureClass;

    private CatalogueClass(List<Class<? extends Annotation>> annotations, Class<?> postureClass) {
        this.annotations = annotations;
        this.postureClass = postureClass;
    }

    static CatalogueClass builtIn() {
        List<Class<? extends Annotation>> annotations = Arrays.stream(BuiltInCatalogue.class.getDeclaredMethods())
                .flatMap(method -> Arrays.stream(method.getAnnotations()))
                .<Class<? extends Annotation>>map(Annotation::annotationType)
                .filter(type -> type.isAnnotationPresent(Evaluates.class))
                .sorted(Comparator.comparing(CatalogueClass::controlId))
                .toList();
        return new CatalogueClass(annotations, BuiltInCatalogue.class);
    }

    private static String controlId(Class<? extends Annotation> annotation) {
        return annotation.getAnnotation(Evaluates.class).value();
    }

    Class<?> postureClass() {
        return postureClass;
    }

    List<Class<? extends Annotation>> annotations() {
        return annotations;
    }

    /** How many of the controls are judged once per enabled region rather than once per account. */
    long perRegion() {
        return annotations.stream().map(CatalogueClass::controlId)
                .filter(id -> Catalogue.byId(id).map(BuiltInControl::perRegion).orElse(false)).count();
    }

    /** The annotations by package: {@code root 6 · organization 4 · monitoring 5}. */
    String describe() {
        return annotations.stream()
                .collect(Collectors.groupingBy(annotation -> annotation.getPackageName().substring(PACKAGE.length() + 1),
                        LinkedHashMap::new, Collectors.counting()))
                .entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue()).collect(Collectors.joining(" · "));
    }
}
