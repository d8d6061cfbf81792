package org.rootposture.lab.iam;

import java.util.Map;

import org.rootposture.lab.fixture.Organization;
import org.rootposture.lab.fixture.RootCredentials;
import org.rootposture.lab.protocol.LabError;
import org.rootposture.lab.protocol.LabResponse;
import org.rootposture.lab.protocol.Page;
import org.rootposture.lab.protocol.QueryProtocol;
import org.rootposture.lab.service.Operation;
import org.rootposture.lab.service.ServiceCall;

/**
 * IAM's centralized root access: which features the organization enabled, and, to a root session of
 * {@code sts:AssumeRoot}, the credentials of the account's root user.
 */
final class RootAccessOperations {

    private static final String CERTIFICATE_BODY = "-----BEGIN CERTIFICATE-----\nLABROOTCERTIFICATEEXAMPLE\n-----END CERTIFICATE-----";

    private final QueryProtocol protocol;

    RootAccessOperations(QueryProtocol protocol) {
        this.protocol = protocol;
    }

    Map<String, Operation> operations() {
        return Map.of(
                "ListOrganizationsFeatures", this::listOrganizationsFeatures,
                "GetLoginProfile", this::getLoginProfile,
                "ListAccessKeys", this::listAccessKeys,
                "ListMFADevices", this::listMfaDevices,
                "ListSigningCertificates", this::listSigningCertificates);
    }

    private LabResponse listOrganizationsFeatures(ServiceCall call) {
        Organization org = call.lab().organization().orElseThrow(() -> LabError.badRequest("OrganizationNotFoundException",
                "The request was rejected because no organization is associated with your account."));
        if (org.featureSet() != Organization.FeatureSet.ALL) {
            throw LabError.badRequest("OrganizationNotInAllFeaturesModeException",
                    "The request was rejected because your organization does not have All features enabled.");
        }
        if (call.lab().rootAccessAdministeredBy(call.caller().accountId()).isEmpty()) {
            throw LabError.badRequest("AccountNotManagementOrDelegatedAdministratorException",
                    "The request was rejected because the account making the request is not the management account or delegated "
                            + "administrator account for centralized root access.");
        }
        return protocol.result(call, xml -> {
            xml.element("OrganizationId", org.id()).start("EnabledFeatures");
            org.features().forEach(feature -> xml.element("member", feature.toString()));
            xml.end("EnabledFeatures");
        });
    }

    private LabResponse getLoginProfile(ServiceCall call) {
        RootCredentials root = root(call);
        if (!root.password()) {
            throw new LabError(404, "NoSuchEntity", "Login Profile for User root cannot be found.");
        }
        return protocol.result(call, xml -> xml.start("LoginProfile")
                .element("CreateDate", call.lab().time(root.passwordCreated()))
                .element("PasswordResetRequired", false)
                .end("LoginProfile"));
    }

    private LabResponse listAccessKeys(ServiceCall call) {
        Page<RootCredentials.AccessKey> page = IamPages.page(call, root(call).accessKeys());
        return protocol.result(call, xml -> {
            xml.start("AccessKeyMetadata");
            page.items().forEach(key -> xml.start("member")
                    .element("AccessKeyId", key.id())
                    .element("Status", key.status())
                    .element("CreateDate", call.lab().time(key.created()))
                    .end("member"));
            xml.end("AccessKeyMetadata");
            IamPages.truncation(xml, page);
        });
    }

    private LabResponse listMfaDevices(ServiceCall call) {
        Page<RootCredentials.MfaDevice> page = IamPages.page(call, root(call).mfaDevices());
        return protocol.result(call, xml -> {
            xml.start("MFADevices");
            page.items().forEach(device -> xml.start("member")
                    .element("SerialNumber", device.serialNumber())
                    .element("EnableDate", call.lab().time(device.enabled()))
                    .end("member"));
            xml.end("MFADevices");
            IamPages.truncation(xml, page);
        });
    }

    private LabResponse listSigningCertificates(ServiceCall call) {
        Page<RootCredentials.SigningCertificate> page = IamPages.page(call, root(call).signingCertificates());
        return protocol.result(call, xml -> {
            xml.start("Certificates");
            page.items().forEach(certificate -> xml.start("member")
                    .element("CertificateId", certificate.id())
                    .element("CertificateBody", CERTIFICATE_BODY)
                    .element("Status", certificate.status())
                    .element("UploadDate", call.lab().time(certificate.uploaded()))
                    .end("member"));
            xml.end("Certificates");
            IamPages.truncation(xml, page);
        });
    }

    private static RootCredentials root(ServiceCall call) {
        String userName = call.form().get("UserName");
        if (userName != null) {
            throw new LabError(404, "NoSuchEntity", "The user with name " + userName + " cannot be found.");
        }
        if (!call.caller().isRootSession()) {
            throw LabError.validation("Must specify userName when calling with non-User credentials");
        }
        return call.account().fixture().rootCredentials();
    }
}
