package org.rootposture.lab;

import java.util.List;

/**
 * AWS Config in one region of an account.
 *
 * @param recorder the configuration recorder, or {@code null} when the region has none
 * @param rules    the Config rules
 */
public record ConfigFixture(ConfigRecorderFixture recorder, List<ConfigRuleFixture> rules) {

    public ConfigFixture {
        rules = Copies.list(rules);
    }
}
