package org.rootposture.evidence;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A typed, immutable record read from AWS, which knows where it came from. */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "type")
public interface Evidence {

    Provenance provenance();
}
