package dev.ponder.cli.route;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.lab.route.RouterReport;

/** The JSON form of a report; NaN (a level never reached) becomes null. */
final class ReportJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportJson() {}

    static String of(RouterReport r) throws JsonProcessingException {
        ObjectNode o = JSON.createObjectNode();
        ArrayNode pts = o.putArray("points");
        for (RouterReport.Point p : r.points()) {
            ObjectNode n = pts.addObject();
            num(n, "lambda", p.lambda());
            num(n, "quality", p.quality());
            num(n, "cost", p.cost());
        }
        o.set("strongest", single(r.strongest()));
        num(o, "apgr", r.apgr());
        ObjectNode share = o.putObject("cost_share_at");
        r.costShareAt().forEach((k, v) -> num(share, k, v));
        ObjectNode ci = o.putObject("cost_share_interval");
        r.costShareInterval().forEach((k, v) -> pair(ci.putArray(k), v));
        pair(o.putArray("apgr_interval"), r.apgrInterval());
        o.put("evaluation", r.mode()).put("queries", r.queries()).put("predictor", r.predictor());
        ObjectNode base = o.putObject("baselines");
        ArrayNode singles = base.putArray("single");
        r.singles().forEach(s -> singles.add(single(s)));
        ObjectNode mix = base.putObject("random_mix_cost_share_at");
        r.randomMixCostShareAt().forEach((k, v) -> num(mix, k, v));
        base.set("oracle", single(r.oracle()));
        r.notes().forEach(o.putArray("notes")::add);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n";
    }

    private static ObjectNode single(RouterReport.Single s) {
        ObjectNode n = JSON.createObjectNode().put("model", s.model());
        num(n, "quality", s.quality());
        num(n, "cost", s.cost());
        return n;
    }

    private static void num(ObjectNode n, String k, double v) {
        if (Double.isFinite(v)) n.put(k, v); else n.putNull(k);
    }

    private static void pair(ArrayNode a, double[] v) {
        for (double x : v) if (Double.isFinite(x)) a.add(x); else a.addNull();
    }
}
