package org.rootposture.benchmark;

import java.lang.annotation.Annotation;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.platform.commons.support.ReflectionSupport;
import org.rootposture.AwsAccount;
import org.rootposture.Evaluates;
import org.rootposture.RootPosture;
import org.rootposture.controls.BuiltInControl;
import org.rootposture.controls.Catalogue;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.StubMethod;

/**
 * The posture class a platform team would write to run the whole built-in catalogue: {@code @RootPosture} and one
 * method per built-in control annotation, found on the class path (every annotation meta-annotated with
 * {@link Evaluates}) rather than listed by hand, with empty bodies and default options. Generated at run time, so a
 * control added to the framework is benchmarked without touching this module.
 */
final class CatalogueClass {

    private static final String PACKAGE = "org.rootposture";

    private final List<Class<? extends Annotation>> annotations;
    private final Class<?> postureClass;

    private CatalogueClass(List<Class<? extends Annotation>> annotations, Class<?> postureClass) {
        this.annotations = annotations;
        this.postureClass = postureClass;
    }

    static CatalogueClass generate() {
        List<Class<? extends Annotation>> annotations = discover();
        Set<String> annotated = annotations.stream().map(CatalogueClass::controlId).collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = Catalogue.all().stream().map(control -> control.definition().id())
                .filter(id -> !annotated.contains(id)).collect(Collectors.toCollection(TreeSet::new));
        if (!missing.isEmpty()) {
            System.out.println("Note: built-in controls without an annotation are not benchmarked: " + missing);
        }
        DynamicType.Builder<Object> builder = new ByteBuddy().subclass(Object.class)
                .name(PACKAGE + ".benchmark.generated.FullCataloguePostureTest")
                .annotateType(AnnotationDescription.Builder.ofType(RootPosture.class).build());
        for (Class<? extends Annotation> annotation : annotations) {
            builder = builder.defineMethod(methodName(annotation), void.class, Visibility.PUBLIC)
                    .withParameters(AwsAccount.class)
                    .intercept(StubMethod.INSTANCE)
                    .annotateMethod(AnnotationDescription.Builder.ofType(annotation).build());
        }
        Class<?> postureClass = builder.make()
                .load(CatalogueClass.class.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER)
                .getLoaded();
        return new CatalogueClass(annotations, postureClass);
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Annotation>> discover() {
        return ReflectionSupport.findAllClassesInPackage(PACKAGE,
                        type -> type.isAnnotation() && type.isAnnotationPresent(Evaluates.class),
                        name -> !name.startsWith(PACKAGE + ".benchmark"))
                .stream()
                .<Class<? extends Annotation>>map(type -> (Class<? extends Annotation>) type)
                .sorted(Comparator.comparing(CatalogueClass::controlId))
                .toList();
    }

    private static String controlId(Class<? extends Annotation> annotation) {
        return annotation.getAnnotation(Evaluates.class).value();
    }

    private static String methodName(Class<? extends Annotation> annotation) {
        String name = annotation.getSimpleName();
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
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
