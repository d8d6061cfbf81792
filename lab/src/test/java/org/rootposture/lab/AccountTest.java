package org.rootposture.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rootposture.lab.fixture.AlternateContact.Type.SECURITY;

import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.rootposture.lab.fixture.Account;
import org.rootposture.lab.fixture.ContactInformation;

import software.amazon.awssdk.services.account.AccountClient;
import software.amazon.awssdk.services.account.model.AccessDeniedException;
import software.amazon.awssdk.services.account.model.AlternateContact;
import software.amazon.awssdk.services.account.model.AlternateContactType;
import software.amazon.awssdk.services.account.model.ResourceNotFoundException;

class AccountTest {

    private static final Consumer<Account.Builder> CONTACTS = account -> account.contact(SECURITY, "Security Team", "CISO", "security@example.com",
            "+1-555-0100");

    @Test
    void aRegisteredAlternateContactIsReturned() {
        try (Lab lab = Lab.start(Fixtures.single(CONTACTS)); LabClients clients = new LabClients(lab)) {
            AlternateContact contact = clients.account()
                    .getAlternateContact(request -> request.alternateContactType(AlternateContactType.SECURITY)).alternateContact();

            assertThat(contact.alternateContactType()).isEqualTo(AlternateContactType.SECURITY);
            assertThat(contact.name()).isEqualTo("Security Team");
            assertThat(contact.title()).isEqualTo("CISO");
            assertThat(contact.emailAddress()).isEqualTo("security@example.com");
            assertThat(contact.phoneNumber()).isEqualTo("+1-555-0100");
            assertThat(lab.calls().get("111111111111")).containsEntry("account:GetAlternateContact", 1);
        }
    }

    @Test
    void aMissingAlternateContactIsResourceNotFound() {
        try (Lab lab = Lab.start(Fixtures.single(CONTACTS)); LabClients clients = new LabClients(lab)) {
            assertThatThrownBy(() -> clients.account().getAlternateContact(request -> request.alternateContactType(AlternateContactType.BILLING)))
                    .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(404);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("No contact of the inputted alternate contact type found.");
                    });
        }
    }

    @Test
    void thePrimaryContactIsReturnedAndAnAccountWithoutOneIsResourceNotFound() {
        try (Lab lab = Lab.start(Fixtures.single(account -> account.primaryContact(ContactInformation.of("ACME Cloud Platform", "+1-555-0199"))));
             LabClients clients = new LabClients(lab)) {
            software.amazon.awssdk.services.account.model.ContactInformation contact = clients.account()
                    .getContactInformation(request -> { }).contactInformation();
            assertThat(contact.fullName()).isEqualTo("ACME Cloud Platform");
            assertThat(contact.phoneNumber()).isEqualTo("+1-555-0199");
            assertThat(contact.countryCode()).isEqualTo("US");
            assertThat(contact.addressLine1()).isEqualTo("1 Main Street");
            assertThat(lab.calls().get("111111111111")).containsEntry("account:GetContactInformation", 1);
        }
        try (Lab lab = Lab.start(Fixtures.single(CONTACTS)); LabClients clients = new LabClients(lab)) {
            assertThatThrownBy(() -> clients.account().getContactInformation(request -> { }))
                    .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        }
    }

    @Test
    void theManagementAccountReadsAMembersContactButAMemberCannotReadAnothers() {
        try (Lab lab = Lab.start(Fixtures.organization(CONTACTS)); LabClients clients = new LabClients(lab)) {
            AlternateContact contact = clients.account().getAlternateContact(request -> request
                    .accountId("222222222222").alternateContactType(AlternateContactType.SECURITY)).alternateContact();
            assertThat(contact.name()).isEqualTo("Security Team");

            AccountClient member = clients.account(LabClients.basic(lab.credentialsFor("222222222222")));
            assertThatThrownBy(() -> member.getAlternateContact(request -> request
                    .accountId("111111111111").alternateContactType(AlternateContactType.SECURITY)))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }
    }
}
