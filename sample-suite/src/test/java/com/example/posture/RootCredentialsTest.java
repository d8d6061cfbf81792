package com.example.posture;

import org.rootposture.AwsAccount;
import org.rootposture.RootPosture;
import org.rootposture.root.RootHasNoAccessKeys;
import org.rootposture.root.RootHasNoSigningCertificates;
import org.rootposture.root.RootMfaEnabled;
import org.rootposture.root.RootMfaIsHardware;
import org.rootposture.root.RootNotUsedRecently;
import org.rootposture.root.SecurityContactRegistered;

/**
 * The built-in root credential controls, once per target account. Each annotation makes the method a posture test
 * that the framework evaluates; a body, where there is one, runs only when the control passes.
 */
@RootPosture
class RootCredentialsTest {

    @RootHasNoAccessKeys
    void rootHasNoAccessKeys(AwsAccount account) {
    }

    @RootMfaEnabled
    void rootHasMfa(AwsAccount account) {
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
}
