package org.rootposture.lab;

/**
 * An organizational unit of a fixture's organization.
 *
 * @param id       OU id such as {@code ou-demo-prod0001}
 * @param name     OU name
 * @param parentId the root's id or another OU's id (default the root)
 */
public record OrganizationalUnitFixture(String id, String name, String parentId) {
}
