package org.rootposture.evidence;

import java.util.List;

/**
 * The event selectors of a trail ({@code cloudtrail:GetEventSelectors}): classic or advanced.
 *
 * @param trailArn   the trail
 * @param classic    classic selectors
 * @param advanced   advanced selectors
 * @param provenance the call that produced it
 */
public record TrailEventSelectors(String trailArn, List<Classic> classic, List<Advanced> advanced, Provenance provenance) implements Evidence {

    /** The description of this record. */
    public static final EvidenceRecord<Trails.Trail, TrailEventSelectors> RECORD = EvidenceRecord.of("monitoring.eventSelectors", TrailEventSelectors.class,
            (Trails.Trail trail) -> List.of(trail.arn()), "cloudtrail:GetEventSelectors");

    public TrailEventSelectors {
        classic = List.copyOf(classic);
        advanced = List.copyOf(advanced);
    }

    /**
     * A classic event selector.
     *
     * @param readWriteType                 {@code All}, {@code ReadOnly} or {@code WriteOnly}
     * @param includeManagementEvents       whether management events are logged
     * @param excludeManagementEventSources event sources left out, such as {@code kms.amazonaws.com}
     */
    public record Classic(String readWriteType, boolean includeManagementEvents, List<String> excludeManagementEventSources) {
        public Classic {
            excludeManagementEventSources = List.copyOf(excludeManagementEventSources);
        }
    }

    /**
     * An advanced event selector: its field selectors all apply.
     *
     * @param name           selector name
     * @param fieldSelectors its conditions
     */
    public record Advanced(String name, List<FieldSelector> fieldSelectors) {
        public Advanced {
            fieldSelectors = List.copyOf(fieldSelectors);
        }
    }

    /**
     * One condition of an advanced selector.
     *
     * @param field         e.g. {@code eventCategory}, {@code readOnly}, {@code eventSource}
     * @param equals        values the field equals
     * @param startsWith    prefixes
     * @param endsWith      suffixes
     * @param notEquals     values the field must not equal
     * @param notStartsWith prefixes it must not start with
     * @param notEndsWith   suffixes it must not end with
     */
    public record FieldSelector(String field, List<String> equals, List<String> startsWith, List<String> endsWith,
                                List<String> notEquals, List<String> notStartsWith, List<String> notEndsWith) {
        public FieldSelector {
            equals = List.copyOf(equals);
            startsWith = List.copyOf(startsWith);
            endsWith = List.copyOf(endsWith);
            notEquals = List.copyOf(notEquals);
            notStartsWith = List.copyOf(notStartsWith);
            notEndsWith = List.copyOf(notEndsWith);
        }

        /** Whether the condition only selects events in (equals, starts with, ends with), rather than leaving some out. */
        public boolean includes() {
            return !equals.isEmpty() || !startsWith.isEmpty() || !endsWith.isEmpty();
        }

        /** Whether the condition leaves some events out (not equals, not starts with, not ends with). */
        public boolean excludes() {
            return !notEquals.isEmpty() || !notStartsWith.isEmpty() || !notEndsWith.isEmpty();
        }
    }
}
