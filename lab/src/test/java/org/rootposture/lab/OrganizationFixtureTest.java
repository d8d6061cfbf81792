package org.rootposture.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OrganizationFixtureTest {

    private static final String VALID = """
            {"organization": {"id": "o-test000001", "managementAccountId": "111111111111", "rootId": "r-test",
               "organizationalUnits": [
                 {"id": "ou-test-prod0001", "name": "Production"},
                 {"id": "ou-test-pay00001", "name": "Payments", "parentId": "ou-test-prod0001"}],
               "policies": [{"id": "p-denyroot01", "name": "DenyRootUser", "targets": ["r-test", "ou-test-pay00001", "222222222222"],
                             "content": {"Version": "2012-10-17", "Statement": []}}],
               "features": ["RootCredentialsManagement", "RootSessions"],
               "delegatedAdministrators": ["222222222222"]},
             "accounts": [
               {"id": "111111111111"},
               {"id": "222222222222", "parentId": "ou-test-pay00001", "tags": {"env": "prod"},
                "rootCredentials": {"password": true, "accessKeys": [{"id": "AKIALABROOT222200001", "status": "Inactive", "created": "-P900D"}],
                                    "mfaDevices": [{"serialNumber": "GAHT12345678"}],
                                    "signingCertificates": [{"id": "LABROOTCERT22220000000000000001", "uploaded": "-P120D"}]}}]}
            """;

    @Test
    void aValidOrganizationIsReadWithItsDefaults() {
        Fixture fixture = Fixture.fromJson(VALID);
        OrganizationFixture organization = fixture.organization();
        AccountFixture member = fixture.account("222222222222").orElseThrow();

        assertThat(organization.rootId()).isEqualTo("r-test");
        assertThat(organization.fullAwsAccess()).isTrue();
        assertThat(organization.organizationalUnits()).extracting(OrganizationalUnitFixture::parentId).containsExactly(null, "ou-test-prod0001");
        assertThat(organization.policies().get(0).awsManaged()).isFalse();
        assertThat(organization.policies().get(0).description()).isEmpty();
        assertThat(organization.policies().get(0).document()).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[]}");
        assertThat(member.tags()).containsEntry("env", "prod");
        assertThat(member.rootCredentials().accessKeys().get(0).status()).isEqualTo("Inactive");
        assertThat(member.rootCredentials().mfaDevices().get(0).enabled()).isEqualTo("-P90D");
        assertThat(member.rootCredentials().signingCertificates().get(0).status()).isEqualTo("Active");
        assertThat(member.rootCredentials().passwordCreated()).isEqualTo("-P1000D");
        AccountFixture management = fixture.account("111111111111").orElseThrow();
        assertThat(management.parentId()).isNull();
        assertThat(management.tags()).isEmpty();
        assertThat(management.rootCredentials().password()).isFalse();
        assertThat(management.rootCredentials().accessKeys()).isEmpty();
        assertThat(Fixtures.organization("").organization().features()).isEmpty();
        assertThat(Fixtures.organization("").organization().rootId()).matches("r-[a-z]{4}");
    }

    @Test
    void unknownParentsAreNamed() {
        assertInvalid(VALID.replace("\"parentId\": \"ou-test-pay00001\", \"tags\"", "\"parentId\": \"ou-test-nope0001\", \"tags\""),
                "account 222222222222", "parentId 'ou-test-nope0001'", "organizationalUnits");
        assertInvalid(VALID.replace("\"parentId\": \"ou-test-prod0001\"", "\"parentId\": \"r-other\""),
                "organization.organizationalUnits[1].parentId 'r-other'");
        assertInvalid("{\"accounts\": [{\"id\": \"111111111111\", \"parentId\": \"r-test\"}]}", "account 111111111111", "needs an organization");
    }

    @Test
    void organizationalUnitsMustNotFormACycle() {
        String cycle = VALID.replace("{\"id\": \"ou-test-prod0001\", \"name\": \"Production\"}",
                "{\"id\": \"ou-test-prod0001\", \"name\": \"Production\", \"parentId\": \"ou-test-pay00001\"}");

        assertInvalid(cycle, "organization.organizationalUnits", "cycle", "ou-test-prod0001", "ou-test-pay00001");
        assertInvalid(VALID.replace("\"parentId\": \"ou-test-prod0001\"", "\"parentId\": \"ou-test-pay00001\""), "cycle", "ou-test-pay00001");
    }

    @Test
    void badIdsAndDuplicatesAreRejected() {
        assertInvalid(VALID.replace("\"rootId\": \"r-test\"", "\"rootId\": \"root\""), "organization.rootId", "'root'");
        assertInvalid(VALID.replace("\"id\": \"ou-test-prod0001\"", "\"id\": \"production\""), "organization.organizationalUnits[0].id", "'production'");
        assertInvalid(VALID.replace("\"id\": \"ou-test-pay00001\"", "\"id\": \"ou-test-prod0001\""), "organizationalUnits[1].id", "duplicate");
        assertInvalid(VALID.replace("\"name\": \"Payments\"", "\"name\": \" \""), "organizationalUnits[1].name");
        assertInvalid(VALID.replace("\"id\": \"p-denyroot01\"", "\"id\": \"p-FullAWSAccess\""), "organization.policies[0].id", "FullAWSAccess");
    }

    @Test
    void policyTargetsMustExist() {
        assertInvalid(VALID.replace("\"targets\": [\"r-test\",", "\"targets\": [\"ou-test-gone0001\","),
                "organization.policies[0].targets", "'ou-test-gone0001'");
        assertInvalid(VALID.replace("\"targets\": [\"r-test\",", "\"targets\": [\"999999999999\","), "organization.policies[0].targets", "'999999999999'");
        assertInvalid(VALID.replace("\"targets\": [\"r-test\",", "\"targets\": [\"222222222222\","), "organization.policies[0].targets", "twice");
    }

    @Test
    void aPolicyNeedsExactlyOneDocument() {
        assertInvalid(VALID.replace("\"content\": {\"Version\": \"2012-10-17\", \"Statement\": []}", "\"description\": \"none\""),
                "organization.policies[0]", "exactly one of content");
        assertInvalid(VALID.replace("\"content\": {", "\"contentText\": \"{}\", \"content\": {"), "organization.policies[0]", "exactly one of content");
        assertInvalid(VALID.replace("\"content\": {\"Version\": \"2012-10-17\", \"Statement\": []}", "\"content\": \"Deny\""),
                "organization.policies[0].content", "JSON object");
    }

    @Test
    void featuresAndDelegatedAdministratorsAreChecked() {
        assertInvalid(VALID.replace("\"RootSessions\"", "\"RootSession\""), "organization.features", "'RootSession'");
        assertInvalid(VALID.replace("\"delegatedAdministrators\": [\"222222222222\"]", "\"delegatedAdministrators\": [\"111111111111\"]"),
                "organization.delegatedAdministrators", "'111111111111'");
        assertInvalid(VALID.replace("\"delegatedAdministrators\": [\"222222222222\"]", "\"delegatedAdministrators\": [\"999999999999\"]"),
                "organization.delegatedAdministrators", "'999999999999'");
    }

    @Test
    void rootCredentialsAreChecked() {
        assertInvalid(VALID.replace("\"id\": \"AKIALABROOT222200001\"", "\"id\": \"secret\""),
                "account 222222222222", "rootCredentials.accessKeys[0].id", "'secret'");
        assertInvalid(VALID.replace("\"status\": \"Inactive\"", "\"status\": \"Disabled\""), "rootCredentials.accessKeys[0].status", "'Disabled'");
        assertInvalid(VALID.replace("\"created\": \"-P900D\"", "\"created\": \"long ago\""), "rootCredentials.accessKeys[0].created", "'long ago'");
        assertInvalid(VALID.replace("\"serialNumber\": \"GAHT12345678\"", "\"serialNumber\": \"\""), "rootCredentials.mfaDevices[0].serialNumber");
        assertInvalid(VALID.replace("\"id\": \"LABROOTCERT22220000000000000001\"", "\"id\": \"short\""),
                "rootCredentials.signingCertificates[0].id", "'short'");
        assertInvalid(VALID.replace("\"uploaded\": \"-P120D\"", "\"uploaded\": \"P120D\""), "rootCredentials.signingCertificates[0].uploaded");
        assertInvalid(VALID.replace("\"password\": true", "\"pasword\": true"), "account 222222222222", "unknown field 'pasword'");
    }

    private static void assertInvalid(String json, String... fragments) {
        assertThatThrownBy(() -> Fixture.fromJson(json)).isInstanceOf(IllegalArgumentException.class).hasMessageContainingAll(fragments);
    }
}
