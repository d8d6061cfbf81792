package org.rootposture.trust;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.rootposture.AwsAccount;
import org.rootposture.Evaluates;
import org.rootposture.RootPosture;
import org.rootposture.monitoring.CloudTrailLogsAllRegions;
import org.rootposture.monitoring.ConfigRecordsAllRegions;
import org.rootposture.monitoring.ConfigRootRulesCompliant;
import org.rootposture.monitoring.NoRecentRootActivity;
import org.rootposture.monitoring.RootActivityIsAlarmed;
import org.rootposture.organization.RootAccessIsCentralized;
import org.rootposture.organization.RootCredentialsAbsent;
import org.rootposture.organization.ScpDeniesRoot;
import org.rootposture.organization.ScpDeniesRootWithoutMfa;
import org.rootposture.root.RootHasNoAccessKeys;
import org.rootposture.root.RootHasNoSigningCertificates;
import org.rootposture.root.RootMfaEnabled;
import org.rootposture.root.RootMfaIsHardware;
import org.rootposture.root.RootNotUsedRecently;
import org.rootposture.root.SecurityContactRegistered;

/**
 * A posture class with one method per built-in control annotation; {@link #controlIds()} says which controls it
 * covers, so a test can check it against the catalogue. Run in-process by the trust tests; the surefire run skips it
 * (no {@code @Test}, and the extension only runs when selected).
 */
@RootPosture
public class EveryBuiltInControl {

    @RootHasNoAccessKeys
    void rootHasNoAccessKeys(AwsAccount account) { }

    @RootMfaEnabled
    void rootMfaEnabled(AwsAccount account) { }

    @RootMfaIsHardware
    void rootMfaIsHardware(AwsAccount account) { }

    @RootNotUsedRecently
    void rootNotUsedRecently(AwsAccount account) { }

    @RootHasNoSigningCertificates
    void rootHasNoSigningCertificates(AwsAccount account) { }

    @SecurityContactRegistered
    void securityContactRegistered(AwsAccount account) { }

    @RootAccessIsCentralized
    void rootAccessIsCentralized(AwsAccount account) { }

    @RootCredentialsAbsent
    void rootCredentialsAbsent(AwsAccount account) { }

    @ScpDeniesRoot
    void scpDeniesRoot(AwsAccount account) { }

    @ScpDeniesRootWithoutMfa
    void scpDeniesRootWithoutMfa(AwsAccount account) { }

    @CloudTrailLogsAllRegions
    void cloudTrailLogsAllRegions(AwsAccount account) { }

    @NoRecentRootActivity
    void noRecentRootActivity(AwsAccount account) { }

    @RootActivityIsAlarmed
    void rootActivityIsAlarmed(AwsAccount account) { }

    @ConfigRecordsAllRegions
    void configRecordsAllRegions(AwsAccount account) { }

    @ConfigRootRulesCompliant
    void configRootRulesCompliant(AwsAccount account) { }

    /** The control ids of the annotations on this class's methods. */
    public static Set<String> controlIds() {
        return Arrays.stream(EveryBuiltInControl.class.getDeclaredMethods())
                .flatMap(EveryBuiltInControl::evaluates)
                .collect(Collectors.toSet());
    }

    private static java.util.stream.Stream<String> evaluates(Method method) {
        return Arrays.stream(method.getAnnotations())
                .map(annotation -> annotation.annotationType().getAnnotation(Evaluates.class))
                .filter(Objects::nonNull)
                .map(Evaluates::value);
    }
}
