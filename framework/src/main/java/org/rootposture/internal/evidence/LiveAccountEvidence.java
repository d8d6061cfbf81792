package org.rootposture.internal.evidence;

import static org.rootposture.internal.session.AwsCalls.call;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import org.rootposture.internal.redaction.Redactor;
import org.rootposture.internal.session.AwsClients;

import org.rootposture.evidence.AccountEvidence;
import org.rootposture.evidence.AccountIdentity;
import org.rootposture.evidence.AccountSummary;
import org.rootposture.evidence.AlternateContact;
import org.rootposture.evidence.CredentialReport;
import org.rootposture.evidence.EnabledRegions;
import org.rootposture.evidence.Evidence;
import org.rootposture.evidence.EvidenceRecord;
import org.rootposture.evidence.MonitoringEvidence;
import org.rootposture.evidence.OrganizationFeatures;
import org.rootposture.evidence.OrganizationInfo;
import org.rootposture.evidence.PrimaryContact;
import org.rootposture.evidence.Provenance;
import org.rootposture.evidence.RootCredentialsInventory;
import org.rootposture.evidence.RootEmail;
import org.rootposture.evidence.RootMfaDevices;
import org.rootposture.evidence.ScpChain;
import org.rootposture.evidence.VirtualMfaDevices;
import org.rootposture.internal.session.AwsCalls;
import org.rootposture.internal.session.EvidenceUnavailableException;
import org.rootposture.internal.session.Memo;
import software.amazon.awssdk.services.account.AccountClient;
import software.amazon.awssdk.services.account.model.AlternateContactType;
import software.amazon.awssdk.services.account.model.ContactInformation;
import software.amazon.awssdk.services.account.model.Region;
import software.amazon.awssdk.services.account.model.RegionOptStatus;
import software.amazon.awssdk.services.account.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AssignmentStatusType;
import software.amazon.awssdk.services.iam.model.GetCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ReportStateType;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;

/**
 * Reads an account's evidence through the AWS SDK, lazily and at most once per record (see {@link RecordReaders}): the
 * account's own records here, its monitoring records through {@link LiveMonitoringEvidence}, the organization's
 * guardrails through the run's shared {@link LiveOrganization}.
 */
public final class LiveAccountEvidence implements AccountEvidence {

    private static final Duration REPORT_REUSED_FOR = Duration.ofHours(4);
    /** What {@code iam:ListOrganizationsFeatures} answers a caller that can open no root session: not in an organization, or not its administrator. */
    private static final Set<String> NO_ROOT_SESSIONS = Set.of("AccountNotManagementOrDelegatedAdministratorException",
            "OrganizationNotFoundException", "AWSOrganizationsNotInUseException");

    private final AccountIdentity identity;
    private final AwsClients clients;
    private final EvidenceOptions options;
    private final Clock clock;
    private final RecordReaders readers;
    private final LiveMonitoringEvidence monitoring;
    private final LiveOrganization organization;
    private final Function<String, AwsClients> rootSessions;
    private final Function<String, AccountEvidence> otherAccounts;
    private final Memo<RootInventories.RootSessionRead> rootSession = new Memo<>(this::readThroughRootSession);

    /**
     * Evidence of an account that leads to no other account: {@link #monitoringOf} reads only this one.
     *
     * @param organization  the organization as the run's caller sees it, shared by all accounts
     * @param rootSessions  opens an {@code sts:AssumeRoot} audit session into an account (closed after use)
     */
    public LiveAccountEvidence(AccountIdentity identity, AwsClients clients, LiveOrganization organization,
                               Function<String, AwsClients> rootSessions, EvidenceOptions options, Clock clock) {
        this(identity, clients, organization, rootSessions, accountId -> {
            throw new EvidenceUnavailableException("sts:AssumeRole", "NoSession", "this evidence reads only account " + identity.accountId()
                    + ", not account " + accountId);
        }, options, clock);
    }

    /**
     * @param organization  the organization as the run's caller sees it, shared by all accounts
     * @param rootSessions  opens an {@code sts:AssumeRoot} audit session into an account (closed after use)
     * @param otherAccounts the run's evidence of another account, by id (see {@link AccountEvidence#monitoringOf})
     */
    public LiveAccountEvidence(AccountIdentity identity, AwsClients clients, LiveOrganization organization,
                               Function<String, AwsClients> rootSessions, Function<String, AccountEvidence> otherAccounts,
                               EvidenceOptions options, Clock clock) {
        this.identity = identity;
        this.clients = clients;
        this.organization = organization;
        this.rootSessions = rootSessions;
        this.otherAccounts = otherAccounts;
        this.options = options;
        this.clock = clock;
        this.monitoring = new LiveMonitoringEvidence(identity, clients, clock);
        this.readers = new RecordReaders()
                .with(AccountSummary.RECORD, request -> readAccountSummary())
                .with(CredentialReport.RECORD, request -> readCredentialReport())
                .with(VirtualMfaDevices.RECORD, request -> readVirtualMfaDevices())
                .with(AlternateContact.RECORD, this::readAlternateContact)
                .with(PrimaryContact.RECORD, request -> readPrimaryContact())
                .with(EnabledRegions.RECORD, request -> readEnabledRegions())
                .with(OrganizationInfo.RECORD, request -> organization.info())
                .with(OrganizationFeatures.RECORD, request -> organization.features())
                .with(ScpChain.RECORD, request -> organization.chain(identity.accountId()))
                .with(RootCredentialsInventory.RECORD, request -> readRootCredentialsInventory())
                .with(RootEmail.RECORD, request -> organization.rootEmail(identity.accountId()))
                .with(RootMfaDevices.RECORD, request -> readRootMfaDevices());
    }

    @Override
    public AccountIdentity identity() {
        return identity;
    }

    @Override
    public <K, T extends Evidence> T read(EvidenceRecord<K, T> record, K request) {
        return readers.reads(record) ? readers.read(record, request) : monitoring.read(record, request);
    }

    @Override
    public MonitoringEvidence monitoringOf(String accountId) {
        return accountId.equals(identity.accountId()) ? monitoring : otherAccounts.apply(accountId).monitoring();
    }

    private EnabledRegions readEnabledRegions() {
        if (!options.regions().isEmpty()) {
            return new EnabledRegions(options.regions().stream().sorted().toList(), "rootposture.regions", Provenance.of(clock.instant()));
        }
        List<String> regions = call("account:ListRegions", () -> clients.client(AccountClient.class)
                .listRegionsPaginator(request -> request.regionOptStatusContains(RegionOptStatus.ENABLED, RegionOptStatus.ENABLED_BY_DEFAULT))
                .regions().stream()
                .map(Region::regionName)
                .sorted()
                .toList());
        return new EnabledRegions(regions, "account:ListRegions", Provenance.of(clock.instant(), "account:ListRegions"));
    }

    private RootCredentialsInventory readRootCredentialsInventory() {
        return switch (rootSessionAvailability()) {
            case LISTED -> rootSession.get().inventory();
            case ROOT_SESSIONS_OFF -> fromReports(RootCredentialsInventory.ROOT_SESSIONS_OFF);
            case ROOT_SESSIONS_NOT_ENABLED -> fromReports(RootCredentialsInventory.ROOT_SESSIONS_NOT_ENABLED);
            case MANAGEMENT_ACCOUNT -> fromReports(RootCredentialsInventory.MANAGEMENT_ACCOUNT);
        };
    }

    private RootCredentialsInventory fromReports(String source) {
        return RootInventories.fromReports(accountSummary(), credentialReport(), source, clock.instant());
    }

    private RootMfaDevices readRootMfaDevices() {
        RootMfaDevices.Availability availability = rootSessionAvailability();
        return availability == RootMfaDevices.Availability.LISTED ? rootSession.get().mfaDevices()
                : RootMfaDevices.notListed(availability, Provenance.of(clock.instant()));
    }

    /**
     * Whether this run reads the account's root user through a root session, and if not, why not: the run must opt in,
     * the organization enable root sessions for a caller that can see it, and the account be a member.
     */
    private RootMfaDevices.Availability rootSessionAvailability() {
        if (!options.rootSessions()) {
            return RootMfaDevices.Availability.ROOT_SESSIONS_OFF;
        }
        try {
            if (!organization.features().enabled(OrganizationFeatures.ROOT_SESSIONS)) {
                return RootMfaDevices.Availability.ROOT_SESSIONS_NOT_ENABLED;
            }
        } catch (EvidenceUnavailableException e) {
            if (NO_ROOT_SESSIONS.contains(e.errorCode())) {
                return RootMfaDevices.Availability.ROOT_SESSIONS_NOT_ENABLED;
            }
            throw e;
        }
        return organization.info().managementAccountId().equals(identity.accountId()) ? RootMfaDevices.Availability.MANAGEMENT_ACCOUNT
                : RootMfaDevices.Availability.LISTED;
    }

    private RootInventories.RootSessionRead readThroughRootSession() {
        try (AwsClients root = call("sts:AssumeRoot", () -> rootSessions.apply(identity.accountId()))) {
            return RootInventories.fromRootSession(root.client(IamClient.class), clock);
        }
    }

    private AccountSummary readAccountSummary() {
        var response = call("iam:GetAccountSummary", () -> iam().getAccountSummary());
        return new AccountSummary(response.summaryMapAsStrings(), Provenance.of(clock.instant(), "iam:GetAccountSummary"));
    }

    private CredentialReport readCredentialReport() {
        awaitCredentialReport();
        GetCredentialReportResponse report;
        try {
            report = iam().getCredentialReport();
        } catch (IamException e) {
            if (!REPORT_GONE.contains(errorCode(e))) {
                throw AwsCalls.unavailable(CredentialReportParser.OPERATION, e);
            }
            awaitCredentialReport();
            report = call(CredentialReportParser.OPERATION, () -> iam().getCredentialReport());
        } catch (RuntimeException e) {
            throw AwsCalls.unavailable(CredentialReportParser.OPERATION, e);
        }
        if (report.content() == null || report.generatedTime() == null) {
            throw new EvidenceUnavailableException(CredentialReportParser.OPERATION, "MalformedCredentialReport",
                    "the response has no " + (report.content() == null ? "Content" : "GeneratedTime"));
        }
        refuseStale(report.generatedTime());
        return CredentialReportParser.parse(report.content().asUtf8String(), report.generatedTime(),
                Provenance.of(clock.instant(), "iam:GenerateCredentialReport", CredentialReportParser.OPERATION));
    }

    private void refuseStale(Instant generated) {
        options.credentialReportNotBefore().filter(generated::isBefore).ifPresent(notBefore -> {
            throw new EvidenceUnavailableException(CredentialReportParser.OPERATION, "StaleCredentialReport",
                    "the credential report was generated at " + generated + ", before rootposture.evidence-not-before " + notBefore
                            + ", so root's credentials may have changed since; IAM keeps serving a report for 4 hours after"
                            + " generating it, so a fresh one can be had from " + generated.plus(REPORT_REUSED_FOR));
        });
    }

    private void awaitCredentialReport() {
        if (Polling.settle("iam:GenerateCredentialReport", "the IAM credential report of " + identity.accountId(), this::generateCredentialReport,
                state -> state == ReportStateType.COMPLETE, Optional.of(options.credentialReportTimeout())).timedOut()) {
            throw new EvidenceUnavailableException("iam:GenerateCredentialReport", "Timeout",
                    "the credential report was still being generated after " + options.credentialReportTimeout()
                            + " (setting rootposture.credential-report-timeout)");
        }
    }

    /** One {@code iam:GenerateCredentialReport}; {@code LimitExceeded} (too many generations at once) counts as still generating. */
    private ReportStateType generateCredentialReport() {
        try {
            return iam().generateCredentialReport().state();
        } catch (IamException e) {
            if ("LimitExceeded".equals(errorCode(e))) {
                return ReportStateType.INPROGRESS;
            }
            throw AwsCalls.unavailable("iam:GenerateCredentialReport", e);
        } catch (RuntimeException e) {
            throw AwsCalls.unavailable("iam:GenerateCredentialReport", e);
        }
    }

    private static final Set<String> REPORT_GONE = Set.of("ReportExpired", "ReportNotPresent");

    private static String errorCode(software.amazon.awssdk.awscore.exception.AwsServiceException e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    private VirtualMfaDevices readVirtualMfaDevices() {
        List<VirtualMfaDevices.Device> devices = call("iam:ListVirtualMFADevices", () -> iam()
                .listVirtualMFADevicesPaginator(request -> request.assignmentStatus(AssignmentStatusType.ANY))
                .virtualMFADevices().stream()
                .map(LiveAccountEvidence::device)
                .toList());
        return new VirtualMfaDevices(devices, Provenance.of(clock.instant(), "iam:ListVirtualMFADevices"));
    }

    private static VirtualMfaDevices.Device device(VirtualMFADevice device) {
        return new VirtualMfaDevices.Device(device.serialNumber(), device.user() == null ? null : device.user().arn(), device.enableDate());
    }

    private AlternateContact readAlternateContact(AlternateContact.Type type) {
        Provenance provenance = Provenance.of(clock.instant(), "account:GetAlternateContact");
        return orNone(() -> {
            var contact = call("account:GetAlternateContact", () -> clients.client(AccountClient.class)
                    .getAlternateContact(request -> request.alternateContactType(AlternateContactType.fromValue(type.name())))
                    .alternateContact());
            if (contact == null) {
                throw EvidenceUnavailableException.missing("account:GetAlternateContact", "AlternateContact");
            }
            return new AlternateContact(type, true, contact.name(), contact.title(), Redactor.email(contact.emailAddress()),
                    Redactor.phone(contact.phoneNumber()), provenance);
        }, () -> AlternateContact.none(type, provenance));
    }

    private PrimaryContact readPrimaryContact() {
        Provenance provenance = Provenance.of(clock.instant(), "account:GetContactInformation");
        return orNone(() -> {
            ContactInformation contact = call("account:GetContactInformation", () -> clients.client(AccountClient.class)
                    .getContactInformation(request -> { })
                    .contactInformation());
            if (contact == null) {
                throw EvidenceUnavailableException.missing("account:GetContactInformation", "ContactInformation");
            }
            return new PrimaryContact(true, contact.fullName(), contact.companyName(), Redactor.phone(contact.phoneNumber()),
                    contact.countryCode(), provenance);
        }, () -> PrimaryContact.none(provenance));
    }

    /** The record read, or {@code none} where the Account Management API answers ResourceNotFoundException: the account has none. */
    private static <T> T orNone(Supplier<T> read, Supplier<T> none) {
        try {
            return read.get();
        } catch (EvidenceUnavailableException e) {
            if (e.getCause() instanceof ResourceNotFoundException) {
                return none.get();
            }
            throw e;
        }
    }

    private IamClient iam() {
        return clients.client(IamClient.class);
    }
}
