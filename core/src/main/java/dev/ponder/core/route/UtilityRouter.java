package dev.ponder.core.route;

import java.util.List;

final class UtilityRouter implements Router {
    private final Predictor predictor;
    private final SpendCalibration calibration;

    UtilityRouter(Predictor predictor, SpendCalibration calibration) {
        this.predictor = predictor;
        this.calibration = calibration;
    }

    @Override
    public Predictor predictor() {
        return predictor;
    }

    @Override
    public Choice choose(String query, Knob knob) {
        double lambda = calibration.lambdaFor(knob);
        List<TierEstimate> est = predictor.predict(query);
        return new Choice(predictor.tiers().get(Router.pick(est, lambda)), lambda, est);
    }
}
