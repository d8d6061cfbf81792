/**
 * What a service of the lab answers from, internal to the lab: the lab's state, the identities and sessions it handed
 * out, the CloudTrail history it records, and the contract of a service. Public only for the lab's service packages
 * ({@code iam}, {@code sts}, {@code organizations}, {@code account}, {@code cloudtrail}, {@code monitoring},
 * {@code config}).
 */
package org.rootposture.lab.service;
