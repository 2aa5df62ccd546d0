package dev.ponder.server.config;

import dev.ponder.core.json.BadField;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

/** The period a key's dollar budget covers; spend is kept per period bucket (UTC). */
public enum Period {
    DAY, MONTH, TOTAL;

    /** The bucket an instant falls in: {@code 2026-11-23}, {@code 2026-11} or {@code total}. */
    public String bucket(Instant at) {
        var d = at.atZone(ZoneOffset.UTC).toLocalDate();
        return switch (this) {
            case DAY -> d.toString();
            case MONTH -> d.toString().substring(0, 7);
            case TOTAL -> "total";
        };
    }

    /** A budget's {@code period} field: day, month or total, in any case. */
    static Period parse(String s) {
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadField("period", "must be day, month or total, was \"" + s + "\"");
        }
    }
}
