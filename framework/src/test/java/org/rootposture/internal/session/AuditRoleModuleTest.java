package org.rootposture.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The Terraform/OpenTofu module grants exactly the policy the framework enforces, and trusts only with an external id. */
class AuditRoleModuleTest {

    private static final Path MODULE = Path.of("..", "terraform", "modules", "rootposture-audit-role");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theModulesPolicyIsTheFrameworksPolicy() throws IOException {
        JsonNode module = JSON.readTree(MODULE.resolve("rootposture-audit-policy.json").toFile());
        try (InputStream framework = ReadOnlyGuard.class.getResourceAsStream(ReadOnlyGuard.POLICY)) {
            assertThat(module).isEqualTo(JSON.readTree(framework));
        }
    }

    @Test
    void theRoleUsesThatFileAndRequiresTheExternalId() throws IOException {
        String main = Files.readString(MODULE.resolve("main.tf"));
        assertThat(main)
                .contains("file(\"${path.module}/rootposture-audit-policy.json\")")
                .contains("variable = \"sts:ExternalId\"")
                .contains("identifiers = var.trusted_principal_arns")
                .doesNotContain("\"*\"");
    }
}
