package dev.ponder.cli.route;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RouteCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path outcomes() throws IOException {
        Path d = Files.createDirectories(dir.resolve("outcomes"));
        SplittableRandom rng = new SplittableRandom(9);
        StringBuilder csv = new StringBuilder("query_id,model,score,cost_usd\n"), q = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            boolean hard = rng.nextDouble() < 0.3;
            q.append("{\"query_id\": \"").append(i).append("\", \"question\": \"")
                    .append(hard ? "Prove that the following long statement about primes holds for every n " + i : "What is " + i + "?").append("\"}\n");
            csv.append(i).append(",cheap,").append(rng.nextDouble() < (hard ? 0.1 : 0.9) ? 1 : 0).append(",0.001\n");
            csv.append(i).append(",strong,").append(rng.nextDouble() < 0.95 ? 1 : 0).append(",0.02\n");
        }
        Files.writeString(d.resolve("outcomes.csv"), csv);
        Files.writeString(d.resolve("queries.jsonl"), q);
        return d;
    }

    @Test
    void train_then_eval_prints_the_json_contract() throws IOException {
        Path o = outcomes(), model = dir.resolve("router.json");
        Run train = run("route", "train", "--outcomes", o.toString(), "--out", model.toString(), "--predictor", "length-keyword");
        assertThat(train.code()).as(train.err()).isZero();
        Run eval = run("route", "eval", "--model", model.toString(), "--outcomes", o.toString(), "--json", "--bootstrap", "20");
        assertThat(eval.code()).as(eval.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(eval.out());
        assertThat(j.get("points").get(0).has("lambda")).isTrue();
        assertThat(j.get("strongest").get("model").asText()).isEqualTo("strong");
        assertThat(j.get("apgr").isNumber()).isTrue();
        assertThat(j.get("cost_share_at").get("0.95").asDouble()).isBetween(0.0, 1.0);
        assertThat(j.get("evaluation").asText()).contains("cross-validation");
        Run text = run("route", "eval", "--model", model.toString(), "--outcomes", o.toString(), "--bootstrap", "20");
        assertThat(text.out()).contains("APGR").contains("oracle").contains("0.95 quality");
    }

    @Test
    void missing_column_exits_2_naming_file_and_column() throws IOException {
        Path d = Files.createDirectories(dir.resolve("bad"));
        Files.writeString(d.resolve("outcomes.csv"), "query_id,score\n1,1\n");
        Run r = run("route", "train", "--outcomes", d.toString(), "--out", dir.resolve("m.json").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("outcomes.csv").contains("missing column model");
    }
}
