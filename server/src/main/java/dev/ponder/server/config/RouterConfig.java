package dev.ponder.server.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ponder.core.json.BadField;
import dev.ponder.core.route.Knob;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The router behind the {@code auto} model: a trained router file ({@code ponder route train}), the cost-quality knob,
 * and which served target runs each of the router's tiers ({@code single:gpt-4o-mini -> gpt-4o-mini},
 * {@code vote@8:cheap -> vote@8:gpt-4o-mini}). A tier without an entry runs the proxy model named like the tier.
 */
public record RouterConfig(Path model, Knob knob, Map<String, String> tiers) {
    private static final String ONE_KNOB = "is required and takes exactly one of {lambda: X}, {target_cost: DOLLARS} or {strong_share: S}";

    public RouterConfig {
        Objects.requireNonNull(model, "router model file");
        Objects.requireNonNull(knob, "router knob");
        tiers = Collections.unmodifiableMap(new LinkedHashMap<>(tiers));
    }

    /** As the config file writes it; {@code model} stays relative to the file's folder until the reader resolves it. */
    @JsonCreator
    static RouterConfig read(@JsonProperty("model") String model, @JsonProperty("knob") KnobSetting knob,
                             @JsonProperty("tiers") Map<String, String> tiers) {
        Checks.required("model", model, "is required: a file from `ponder route train`");
        Checks.required("knob", knob, ONE_KNOB);
        return new RouterConfig(Path.of(model), knob.knob(), tiers == null ? Map.of() : tiers);
    }

    /** The same router with its file resolved against the config file's folder. */
    RouterConfig resolvedIn(Path dir) { return new RouterConfig(dir.resolve(model), knob, tiers); }

    /** The config's {@code knob}: exactly one of its three fields. */
    record KnobSetting(Knob knob) {
        @JsonCreator
        static KnobSetting read(@JsonProperty("lambda") Double lambda, @JsonProperty("target_cost") Double targetCost,
                                @JsonProperty("strong_share") Double strongShare) {
            int given = (lambda == null ? 0 : 1) + (targetCost == null ? 0 : 1) + (strongShare == null ? 0 : 1);
            if (given != 1) throw new BadField("", ONE_KNOB);
            try {
                return new KnobSetting(lambda != null ? new Knob.Lambda(Checks.nonNegative("lambda", lambda, ""))
                        : targetCost != null ? new Knob.TargetCost(Checks.nonNegative("target_cost", targetCost, ""))
                        : new Knob.StrongShare(Checks.nonNegative("strong_share", strongShare, "")));
            } catch (BadField e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new BadField("", e.getMessage());
            }
        }
    }
}
