package org.rootposture.lab;

import java.util.List;

/**
 * An advanced CloudTrail event selector, such as {@code {"name": "Management events", "fieldSelectors": [{"field":
 * "eventCategory", "equals": ["Management"]}]}}.
 *
 * @param name           selector name
 * @param fieldSelectors its field selectors, at least one
 */
public record AdvancedEventSelectorFixture(String name, List<FieldSelectorFixture> fieldSelectors) {

    public AdvancedEventSelectorFixture {
        fieldSelectors = Copies.list(fieldSelectors);
    }
}
