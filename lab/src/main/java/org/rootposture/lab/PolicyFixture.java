package org.rootposture.lab;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A service control policy of a fixture's organization.
 *
 * @param id          policy id such as {@code p-denyroot01}
 * @param name        policy name
 * @param description policy description (default empty)
 * @param awsManaged  whether AWS manages the policy (default false)
 * @param content     the policy document as a JSON object; served as a string
 * @param contentText the policy document as raw text, for malformed or unusual documents; instead of {@code content}
 * @param targets     ids of the root, OUs and accounts the policy is attached to
 */
public record PolicyFixture(
        String id,
        String name,
        String description,
        Boolean awsManaged,
        JsonNode content,
        String contentText,
        List<String> targets) {

    public PolicyFixture {
        description = description == null ? "" : description;
        awsManaged = awsManaged != null && awsManaged;
        content = content == null || content.isNull() ? null : content.deepCopy();
        targets = Copies.list(targets);
    }

    /** The policy document as Organizations serves it. */
    public String document() {
        return contentText != null ? contentText : LabRequest.toJson(content);
    }
}
