package org.rootposture.internal.controls;

import java.util.List;
import org.rootposture.Severity;

/**
 * What a control is, for reports: stable id, title, where it sits in its benchmark, CIS references, severity and
 * the remediation an owner should apply.
 *
 * @param id          stable id, e.g. {@code root.mfa.hardware}
 * @param title       one line, e.g. "Root user MFA is a hardware device"
 * @param benchmark   e.g. "CIS AWS Foundations Benchmark"
 * @param section     e.g. "Root credentials"
 * @param cis         CIS references (may be empty)
 * @param severity    severity of a failure
 * @param rationale   why the control matters, one paragraph
 * @param remediation what to do about a failure: console steps, and the CLI or Terraform way where one exists
 * @param links       documentation (CIS, AWS) for the control
 */
public record ControlDefinition(String id, String title, String benchmark, String section, List<CisReference> cis,
                                Severity severity, String rationale, String remediation, List<String> links) {

    public ControlDefinition {
        cis = List.copyOf(cis);
        links = List.copyOf(links);
    }
}
