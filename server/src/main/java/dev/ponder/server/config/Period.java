package dev.ponder.server.config;

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

    public static Period parse(String s, String where) {
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw dev.ponder.core.error.PonderException.invalid("%s: period must be day, month or total, was \"%s\"", where, s);
        }
    }
}
