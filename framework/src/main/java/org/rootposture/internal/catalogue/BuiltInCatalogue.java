package org.rootposture.internal.catalogue;

import org.rootposture.AwsAccount;
import org.rootposture.RootPosture;
import org.rootposture.monitoring.CloudTrailLogsAllRegions;
import org.rootposture.monitoring.ConfigRecordsAllRegions;
import org.rootposture.monitoring.ConfigRootRulesCompliant;
import org.rootposture.monitoring.NoRecentRootActivity;
import org.rootposture.monitoring.RootActivityIsAlarmed;
import org.rootposture.monitoring.RootFindingsAreAlerted;
import org.rootposture.organization.RootAccessIsCentralized;
import org.rootposture.organization.RootCredentialsAbsent;
import org.rootposture.organization.ScpDeniesRoot;
import org.rootposture.organization.ScpDeniesRootWithoutMfa;
import org.rootposture.root.AccountContactsComplete;
import org.rootposture.root.RootEmailOnCorporateDomain;
import org.rootposture.root.RootHasNoAccessKeys;
import org.rootposture.root.RootHasNoSigningCertificates;
import org.rootposture.root.RootMfaEnabled;
import org.rootposture.root.RootMfaHasBackup;
import org.rootposture.root.RootMfaIsHardware;
import org.rootposture.root.RootNotUsedRecently;
import org.rootposture.root.RootPasswordRotated;
import org.rootposture.root.SecurityContactRegistered;

/**
 * The built-in catalogue as one posture class: every built-in control annotation, once, evaluated by the framework
 * for every target account. The one list of the built-in controls besides the catalogue itself: the runner runs it
 * (unless only {@code --classpath} classes are asked for), the benchmark measures it, the trust tests run it, and a
 * test keeps it equal to the catalogue and to the control annotations on the class path.
 */
@RootPosture
public class BuiltInCatalogue {

    @RootHasNoAccessKeys
    void rootHasNoAccessKeys(AwsAccount account) {
    }

    @RootMfaEnabled
    void rootMfaEnabled(AwsAccount account) {
    }

    @RootMfaIsHardware
    void rootMfaIsHardware(AwsAccount account) {
    }

    @RootNotUsedRecently
    void rootNotUsedRecently(AwsAccount account) {
    }

    @RootHasNoSigningCertificates
    void rootHasNoSigningCertificates(AwsAccount account) {
    }

    @SecurityContactRegistered
    void securityContactRegistered(AwsAccount account) {
    }

    @RootAccessIsCentralized
    void rootAccessIsCentralized(AwsAccount account) {
    }

    @ScpDeniesRoot
    void scpDeniesRoot(AwsAccount account) {
    }

    @ScpDeniesRootWithoutMfa
    void scpDeniesRootWithoutMfa(AwsAccount account) {
    }

    @RootCredentialsAbsent
    void rootCredentialsAbsent(AwsAccount account) {
    }

    @CloudTrailLogsAllRegions
    void cloudTrailLogsAllRegions(AwsAccount account) {
    }

    @NoRecentRootActivity
    void noRecentRootActivity(AwsAccount account) {
    }

    @RootActivityIsAlarmed
    void rootActivityIsAlarmed(AwsAccount account) {
    }

    @ConfigRecordsAllRegions
    void configRecordsAllRegions(AwsAccount account) {
    }

    @ConfigRootRulesCompliant
    void configRootRulesCompliant(AwsAccount account) {
    }

    @AccountContactsComplete
    void accountContactsComplete(AwsAccount account) {
    }

    @RootEmailOnCorporateDomain
    void rootEmailOnCorporateDomain(AwsAccount account) {
    }

    @RootMfaHasBackup
    void rootMfaHasBackup(AwsAccount account) {
    }

    @RootPasswordRotated
    void rootPasswordRotated(AwsAccount account) {
    }

    @RootFindingsAreAlerted
    void rootFindingsAreAlerted(AwsAccount account) {
    }
}
