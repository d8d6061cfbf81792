package org.rootposture.lab;

/**
 * An X.509 signing certificate of an account's root user.
 *
 * @param id       certificate id, 24 or more letters and digits
 * @param status   {@code Active} (default) or {@code Inactive}
 * @param uploaded time value of its upload (default {@code -P365D})
 */
public record RootSigningCertificateFixture(String id, String status, String uploaded) {

    public RootSigningCertificateFixture {
        status = status == null ? "Active" : status;
        uploaded = uploaded == null ? "-P365D" : uploaded;
    }
}
