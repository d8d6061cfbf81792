package org.rootposture;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.rootposture.internal.controls.BuiltInControl;
import org.rootposture.internal.controls.Catalogue;
import org.rootposture.internal.controls.CisReference;
import org.rootposture.internal.controls.ControlDefinition;
import org.rootposture.internal.controls.EvaluationContext;
import org.rootposture.internal.settings.Days;
import org.rootposture.internal.controls.Verdict;
import org.rootposture.internal.session.EvidenceUnavailableException;

/**
 * The control a posture test method stands for: a built-in control (with its options) that the framework
 * evaluates, a team's own {@link Control} whose body decides, or none. Read from the method's annotations once.
 */
record ControlUse(Optional<ControlDefinition> definition, Optional<BuiltInControl> builtIn, Optional<Duration> usageWindow,
                  Optional<LocalDate> revokedOn) {

    static final ControlUse NONE = new ControlUse(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    static ControlUse of(Method method) {
        List<Annotation> builtIns = Arrays.stream(method.getAnnotations())
                .filter(annotation -> annotation.annotationType().isAnnotationPresent(Evaluates.class))
                .toList();
        Control custom = method.getAnnotation(Control.class);
        if (builtIns.size() + (custom == null ? 0 : 1) > 1) {
            throw new ExtensionConfigurationException("Method [" + method + "] carries more than one control annotation "
                    + names(builtIns, custom) + "; give each control its own method so each gets its own verdict");
        }
        if (custom != null) {
            return new ControlUse(Optional.of(definition(method, custom)), Optional.empty(), Optional.empty(), Optional.empty());
        }
        return builtIns.stream().findFirst().map(annotation -> builtIn(method, annotation)).orElse(NONE);
    }

    EvaluationContext contextFor(AwsAccount account, Optional<String> region) {
        EvaluationContext context = account.context();
        EvaluationContext windowed = usageWindow.map(context::withUsageWindow).orElse(context);
        EvaluationContext revoked = revokedOn.isPresent() ? windowed.withRootAccessRevokedOn(revokedOn) : windowed;
        return region.map(revoked::withRegion).orElse(revoked);
    }

    boolean perRegion() {
        return builtIn.map(BuiltInControl::perRegion).orElse(false);
    }

    /**
     * The built-in control's verdict on the account, in the region for a per-region control; a per-region control on an
     * account without regions is unable to assess, with the reason.
     */
    Verdict judge(AwsAccount account, Optional<String> region) {
        BuiltInControl control = builtIn.orElseThrow(() -> new IllegalStateException("no built-in control to judge"));
        if (!perRegion() || region.isPresent()) {
            return control.evaluate(account.evidence(), contextFor(account, region));
        }
        try {
            return Verdict.unableToAssess("No region is enabled or configured for a per-region control.\n"
                    + "The account's regions came back empty, so the control has nowhere to look.", account.evidence().enabledRegions());
        } catch (EvidenceUnavailableException e) {
            return Verdict.unableToAssess(e);
        }
    }

    private static ControlUse builtIn(Method method, Annotation annotation) {
        String id = annotation.annotationType().getAnnotation(Evaluates.class).value();
        BuiltInControl control = Catalogue.byId(id).orElseThrow(() -> new ExtensionConfigurationException(
                "@" + annotation.annotationType().getSimpleName() + " on [" + method + "] names control '" + id
                        + "', which is not in the built-in catalogue"));
        return new ControlUse(Optional.of(control.definition()), Optional.of(control), days(method, annotation).map(Duration::ofDays),
                revokedOn(method, annotation));
    }

    private static Optional<LocalDate> revokedOn(Method method, Annotation annotation) {
        return element(annotation, "revokedOn", String.class).filter(day -> !day.isBlank())
                .map(day -> Days.begun(day).orElseThrow(() -> new ExtensionConfigurationException("@" + annotation.annotationType().getSimpleName()
                        + "(revokedOn = \"" + day + "\") on [" + method + "]: expected " + Days.ALLOWED
                        + ", or no revokedOn for the run's rootposture.root-access-revoked-on")));
    }

    private static Optional<Integer> days(Method method, Annotation annotation) {
        return element(annotation, "days", Integer.class).filter(days -> {
            if (days < 0) {
                throw new ExtensionConfigurationException("@" + annotation.annotationType().getSimpleName() + "(days = " + days
                        + ") on [" + method + "]: days must be positive, or 0 for the run's rootposture.usage-window-days");
            }
            return days != 0;
        });
    }

    /** The annotation's element of that name, if it has one. */
    private static <T> Optional<T> element(Annotation annotation, String name, Class<T> type) {
        try {
            return Optional.of(type.cast(annotation.annotationType().getMethod(name).invoke(annotation)));
        } catch (NoSuchMethodException noSuchElement) {
            return Optional.empty();
        } catch (ReflectiveOperationException e) {
            throw new ExtensionConfigurationException("cannot read " + name + "() of @" + annotation.annotationType().getSimpleName(), e);
        }
    }

    private static ControlDefinition definition(Method method, Control control) {
        if (control.id().isBlank() || control.title().isBlank()) {
            throw new ExtensionConfigurationException("@Control on [" + method + "] needs a non-blank id and title");
        }
        try {
            return new ControlDefinition(control.id(), control.title(), control.benchmark(), control.section(),
                    Arrays.stream(control.cis()).map(CisReference::parse).toList(), control.severity(), control.rationale(),
                    control.remediation(), List.of(control.links()));
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("@Control(cis = ...) on [" + method + "]: " + e.getMessage(), e);
        }
    }

    private static String names(List<Annotation> builtIns, Control custom) {
        List<String> names = new ArrayList<>(builtIns.stream().map(a -> "@" + a.annotationType().getSimpleName()).toList());
        if (custom != null) {
            names.add("@Control");
        }
        return names.toString();
    }
}
