package org.rootposture.internal.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import org.rootposture.contract.Categories;
import org.rootposture.contract.RunRecord;
import org.rootposture.internal.waivers.Waivers;

import io.qameta.allure.Allure;
import org.rootposture.internal.redaction.Redactor;

/**
 * What a posture run knows about itself, written at its end into the Allure results, where the report generator
 * turns it into the Environment widget: the organization, how many accounts in which partition and regions, who
 * ran it, when, with which framework version and which waivers. {@link #write()} also writes the report's verdict
 * categories, so they are in the results however the report is generated.
 *
 * <pre>
 * RunFacts.of(accounts.size(), "aws", "111111111111", started, clock.instant())
 *         .withOrganization(Optional.of("o-a1b2c3d4e5"), Optional.of("111111111111"))
 *         .withRegions(List.of("us-east-1"))
 *         .withWaivers(waivers)
 *         .write();
 * </pre>
 *
 * @param accountsChecked   how many accounts the run checked
 * @param accountsSkipped   how many accounts the organization lists but the run could not check
 * @param partition         {@code aws}, {@code aws-us-gov} or {@code aws-cn}
 * @param callerAccount     the account of the run's credentials
 * @param organizationId    the organization, where the caller could read it
 * @param managementAccount the organization's management account, where known
 * @param regions           the regions API calls went to
 * @param start             when the run started
 * @param end               when it ended
 * @param evidenceRecorded  for a replay: when the evidence was recorded
 * @param waivers           the run's accepted risks and their use
 */
public record RunFacts(int accountsChecked, int accountsSkipped, String partition, String callerAccount,
                       Optional<String> organizationId, Optional<String> managementAccount, List<String> regions,
                       Instant start, Instant end, Optional<Instant> evidenceRecorded, Waivers waivers) {

    static final String POM_PROPERTIES = "/META-INF/maven/org.rootposture/rootposture-framework/pom.properties";

    public RunFacts {
        regions = List.copyOf(regions);
    }

    /** The facts every run has; the others are added with the {@code with} methods. */
    public static RunFacts of(int accountsChecked, String partition, String callerAccount, Instant start, Instant end) {
        return new RunFacts(accountsChecked, 0, partition, callerAccount, Optional.empty(), Optional.empty(), List.of(),
                start, end, Optional.empty(), Waivers.none());
    }

    public RunFacts withAccountsSkipped(int skipped) {
        return new RunFacts(accountsChecked, skipped, partition, callerAccount, organizationId, managementAccount, regions,
                start, end, evidenceRecorded, waivers);
    }

    public RunFacts withOrganization(Optional<String> id, Optional<String> management) {
        return new RunFacts(accountsChecked, accountsSkipped, partition, callerAccount, id, management, regions, start, end,
                evidenceRecorded, waivers);
    }

    public RunFacts withRegions(List<String> newRegions) {
        return new RunFacts(accountsChecked, accountsSkipped, partition, callerAccount, organizationId, managementAccount,
                newRegions, start, end, evidenceRecorded, waivers);
    }

    public RunFacts withEvidenceRecorded(Optional<Instant> recorded) {
        return new RunFacts(accountsChecked, accountsSkipped, partition, callerAccount, organizationId, managementAccount,
                regions, start, end, recorded, waivers);
    }

    public RunFacts withWaivers(Waivers newWaivers) {
        return new RunFacts(accountsChecked, accountsSkipped, partition, callerAccount, organizationId, managementAccount,
                regions, start, end, evidenceRecorded, newWaivers);
    }

    /** The facts as the report generator reads them, every text redacted. */
    public RunRecord toRecord() {
        return new RunRecord(organizationId.orElse(null), managementAccount.orElse(null), callerAccount, partition,
                accountsChecked, accountsSkipped, regions, frameworkVersion().orElse(null), seconds(start), seconds(end),
                evidenceRecorded.map(RunFacts::seconds).orElse(null), waivers.file().map(file -> file.getFileName().toString()).orElse(null),
                waivers.records().stream().map(RunFacts::redacted).toList());
    }

    /**
     * Writes {@code <uuid>-}{@value RunRecord#FILE_NAME} and the verdict categories into the Allure results
     * directory, through Allure's own results writer. The shards of one run each write their own record.
     */
    public void write() {
        Allure.getLifecycle().writeAttachment(UUID.randomUUID() + "-" + RunRecord.FILE_NAME,
                new ByteArrayInputStream(toRecord().toJson().getBytes(StandardCharsets.UTF_8)));
        Allure.getLifecycle().writeAttachment(Categories.FILE_NAME,
                new ByteArrayInputStream(Categories.json().getBytes(StandardCharsets.UTF_8)));
    }

    /** The framework's version from its jar, empty when it runs from a build's classes folder. */
    static Optional<String> frameworkVersion() {
        try (InputStream in = RunFacts.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                return Optional.ofNullable(RunFacts.class.getPackage().getImplementationVersion());
            }
            Properties properties = new Properties();
            properties.load(in);
            return Optional.ofNullable(properties.getProperty("version"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static RunRecord.WaiverRecord redacted(RunRecord.WaiverRecord waiver) {
        return new RunRecord.WaiverRecord(waiver.control(), waiver.account(), Redactor.redact(waiver.approver()),
                Redactor.redact(waiver.justification()), waiver.expires(), waiver.expired(), waiver.failures(), waiver.line());
    }

    private static String seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
