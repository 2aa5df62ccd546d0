package dev.ponder.lab.cost;

import dev.ponder.core.json.BadField;

/** One of the router's tiers for a class, with the share of the class's queries the router sends to it. */
record RoutedTier(String tier, Double share) {
    public RoutedTier {
        if (share == null) throw new BadField("share", "each router tier needs the share of queries it gets, e.g. share: 0.2");
        if (!(share > 0 && share <= 1)) throw new BadField("share", "must be in (0, 1], was " + share);
        try {
            TierSpec.parse(tier);
        } catch (IllegalArgumentException e) {
            throw new BadField("tier", e.getMessage());
        }
    }

    public TierSpec spec() { return TierSpec.parse(tier); }
}
