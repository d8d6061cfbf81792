package com.example.posture;

import org.rootposture.AwsAccount;
import org.rootposture.RootPosture;
import org.rootposture.root.AccountContactsComplete;
import org.rootposture.root.RootEmailOnCorporateDomain;
import org.rootposture.root.RootMfaHasBackup;
import org.rootposture.root.RootPasswordRotated;

/**
 * Whether each account's root user can be recovered by the organization, and only by it: the checks beyond CIS that
 * no scanner makes. The demo profile sets the day root access was last revoked to 30 days before the build
 * ({@code rootposture.root-access-revoked-on}).
 */
@RootPosture
class AccountRecoveryTest {

    @AccountContactsComplete
    void contactsComplete(AwsAccount account) {
    }

    @RootEmailOnCorporateDomain
    void rootMailboxIsOnOurDomain(AwsAccount account) {
    }

    @RootMfaHasBackup
    void rootMfaHasBackup(AwsAccount account) {
    }

    @RootPasswordRotated
    void rootPasswordChangedAfterOffboarding(AwsAccount account) {
    }
}
