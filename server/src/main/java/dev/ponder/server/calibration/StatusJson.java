package dev.ponder.server.calibration;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.server.config.CalibrationConfig;
import java.util.List;
import java.util.Optional;

/** {@code GET /v1/ponder/calibration}: the section's settings, then per calibrated model what it runs and what backs it. */
final class StatusJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private StatusJson() {}

    static ObjectNode of(Optional<CalibrationConfig> config, List<ModelState.Status> models) {
        ObjectNode root = F.objectNode().put("object", "ponder.calibration");
        config.ifPresentOrElse(c -> root.put("share", c.share()).put("epsilon", c.epsilon()).put("delta", c.delta()).put("risk", "disagreement")
                        .put("min_questions", c.minQuestions()).put("refit_every", c.refitEvery()).put("window", c.window()),
                () -> root.put("note", "no calibration section: adaptive uses the shipped defaults; see docs/proxy.md#live-calibration"));
        ArrayNode ms = root.putArray("models");
        for (ModelState.Status s : models) ms.add(model(s, config));
        return root;
    }

    private static ObjectNode model(ModelState.Status s, Optional<CalibrationConfig> c) {
        ObjectNode n = F.objectNode().put("model", s.model()).put("answer_kind", s.answerKind()).put("setting", s.setting()).put("source", s.source())
                .put("started_from", s.startedFrom() + " (" + s.startSetting() + ")").put("fell_back", s.fellBack());
        if (s.fellBack()) n.put("why", s.why());
        ObjectNode risk = n.putObject("certified_risk");
        risk.put("observed", s.observedRisk()).put("bound", s.certifiedBound());
        double confidence = 1 - c.map(CalibrationConfig::delta).orElse(0.1);
        risk.putArray("interval").add(0.0).add(s.certifiedBound());
        risk.put("confidence", confidence).put("kind", "one-sided: disagreement with the full budget <= bound with this confidence (Learn then Test,"
                + " Hoeffding-Bentkus), on questions exchangeable with the " + s.fittedOn() + " it was fitted on");
        if (!Double.isNaN(s.boundInUse())) risk.put("bound_of_setting_before_last_refit", s.boundInUse());
        n.put("questions_seen", s.questionsSeen()).put("questions_in_window", s.window()).put("refits", s.refits())
                .put("next_refit_in", s.nextRefitIn()).put("full_budget", s.fullBudget());
        ObjectNode saving = n.putObject("saving");
        saving.put("in_sample", s.saving()).put("mean_samples_in_sample", s.meanSamples()).put("adaptive_runs", s.adaptiveRuns())
                .put("live_mean_samples", s.liveMeanSamples()).put("live", s.adaptiveRuns() == 0 ? 0 : 1 - s.liveMeanSamples() / s.fullBudget());
        ObjectNode floor = n.putObject("confidence_floor");
        s.confidenceFloor().ifPresentOrElse(f -> floor.put("lowest_group_confidence", f), () -> floor.putNull("lowest_group_confidence"));
        floor.put("samples_seen", s.confidencesSeen()).put("dropped", s.confidencesDropped());
        return n;
    }
}
