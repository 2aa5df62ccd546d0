package dev.ponder.cli.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.cli.Cli;
import dev.ponder.cli.fit.CliRun;
import dev.ponder.core.testing.SharedData;
import dev.ponder.core.verify.game24.Game24;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
    private static final String IO = SharedData.shippedBank("game24-gpt4-io").toString();

    @Test
    void a_bank_exports_prints_its_yield_and_the_files_pass_the_validator(@TempDir Path dir) {
        String sft = dir.resolve("sft.jsonl").toString(), pref = dir.resolve("pref.jsonl").toString();
        Cli c = Cli.run("export", "--bank", IO, "--finetune", sft, "--preference", pref, "--accept", "verified",
                "--frontier", dir.resolve("frontier.jsonl").toString(), "--max-per-problem", "2");
        assertThat(c.exit()).as(c.err()).isZero();
        // figures counted from the bank's samples.jsonl with jq: 14 problems have a correct sample; 27 distinct correct texts
        assertThat(c.out()).contains("--accept verified (the game24 checker run again on each sample)")
                .contains("samples on which the checker run again agrees with the recorded verdict: 4900 of 4900 (100.0%)")
                .contains("  with >= 1 accepted             14  (28.6%)")
                .contains("  accepted samples              334  27 distinct")
                .contains("  exported examples              22  at most 2 per problem")
                .contains("  examples per problem               problems: 35 with 0, 6 with 1, 8 with 2")
                .contains("  frontier                       35  problems with no accepted sample\n"
                        + "                                    game24/901, game24/903, game24/905, game24/906, game24/910, game24/914, ... (29 more)")
                .contains("wrote " + sft + " (finetune, 22 lines)");
        Cli v = Cli.run("export", "--validate", sft, "--validate", pref);
        assertThat(v.exit()).as(v.out()).isZero();
        assertThat(v.out()).contains(sft + ": 22 lines of chat fine-tuning (messages), all valid")
                .contains(pref + ": 22 lines of preference pairs (prompt, chosen, rejected), all valid");
    }

    @Test
    void a_stored_run_exports_the_chosen_strategy_with_its_provenance(@TempDir Path dir) throws Exception {
        Path plan = Files.writeString(dir.resolve("p.yaml"), "name: t\nsources: [{bank: " + IO + ", limit: 12}]\nstrategies: [single, vote@N-max]\n");
        String store = dir.resolve("s.duckdb").toString();
        Cli run = Cli.run("run", plan.toString(), "--store", store, "--no-report", "--no-progress");
        assertThat(run.exit()).as(run.err()).isZero();
        Path sft = dir.resolve("sft.jsonl");
        Cli c = Cli.run("export", "latest", "--store", store, "--finetune", sft.toString(), "--accept", "verified", "--checker", "game24",
                "--strategy", "vote@100", "--system", "Reach 24.");
        assertThat(c.exit()).as(c.err()).isZero();
        ObjectMapper json = new ObjectMapper();
        var lines = Files.readAllLines(sft);
        assertThat(lines).isNotEmpty();
        assertThat(c.out()).contains(String.format("  %-22s %10d", "exported examples", lines.size()));
        for (String line : lines) {
            JsonNode n = json.readTree(line);
            assertThat(n.at("/metadata/run").asText()).startsWith("t-");
            assertThat(n.at("/metadata/strategy").asText()).isEqualTo("vote@100");
            assertThat(n.at("/messages/0/content").asText()).isEqualTo("Reach 24.");
            assertThat(Game24.check(n.at("/messages/1/content").asText(), n.at("/messages/2/content").asText()).correct()).as(line).isTrue();
        }
    }

    @Test
    void no_accepted_sample_writes_nothing_and_exits_1_with_one_line(@TempDir Path dir) throws Exception {
        Path bank = CliRun.bank(dir.resolve("b"), 4, 0, 0);
        Path sft = dir.resolve("sft.jsonl");
        Cli c = Cli.run("export", "--bank", bank.toString(), "--finetune", sft.toString(), "--accept", "verified");
        assertThat(c.exit()).isEqualTo(1);
        assertThat(c.err().strip().lines()).singleElement().asString()
                .startsWith("ponder: no sample of bank tiny").contains("0 of 8 samples accepted").endsWith("nothing written");
        assertThat(c.out()).isEmpty();
        assertThat(sft).doesNotExist();
    }

    @Test
    void the_validator_names_each_bad_line_and_exits_2(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("bad.jsonl"), "{\"messages\":[{\"role\":\"user\",\"content\":\"q\"}]}\n");
        Cli c = Cli.run("export", "--validate", f.toString());
        assertThat(c.exit()).isEqualTo(2);
        assertThat(c.out()).contains(f + ":1: messages: the last message is from the user; it must be from the assistant")
                .contains(f + ": 1 of 1 lines invalid");
        assertThat(c.err().strip().lines()).singleElement().isEqualTo("ponder: not valid: " + f + " (1 of 1 lines)");
    }

    @Test
    void modes_that_do_not_combine_are_refused_with_one_line(@TempDir Path dir) {
        String f = dir.resolve("x.jsonl").toString();
        assertThat(Cli.run("export", "latest", "--validate", f).err()).contains("--validate checks files; it does not combine");
        assertThat(Cli.run("export", "latest", "--parquet", dir.toString(), "--finetune", f).err()).contains("--parquet exports a stored run's tables");
        assertThat(Cli.run("export", "--finetune", f, "--accept", "verified").err()).contains("give a RUN (a run id, or latest), --bank DIR or --stored FILE");
        assertThat(Cli.run("export", "latest", "--bank", IO, "--finetune", f, "--accept", "verified").err())
                .contains("give one of a RUN, --bank DIR or --stored FILE");
        assertThat(Cli.run("export", "--stored", f, "--bank", IO, "--finetune", f, "--accept", "verified").err())
                .contains("give one of a RUN, --bank DIR or --stored FILE");
        assertThat(Cli.run("export", "--bank", IO, "--finetune", f).err()).contains("--accept is required");
        assertThat(Cli.run("export", "--bank", IO, "--finetune", f, "--accept", "verified", "--strategy", "single").err())
                .contains("--strategy picks configurations of a stored run");
        Cli c = Cli.run("export", "--bank", IO, "--finetune", f, "--accept", "reference");
        assertThat(c.exit()).isEqualTo(2);
        assertThat(c.err().strip().lines()).singleElement().asString().contains("use --accept verified");
        assertThat(Cli.run("export", "latest").err()).contains("nothing to export");
    }

    @Test
    void an_option_of_another_mode_is_refused_not_ignored(@TempDir Path dir) throws Exception {
        String f = dir.resolve("x.jsonl").toString();
        Path valid = Files.writeString(dir.resolve("ok.jsonl"), "{\"messages\":[{\"role\":\"user\",\"content\":\"q\"},{\"role\":\"assistant\",\"content\":\"a\"}]}\n");
        Cli parquet = Cli.run("export", "latest", "--parquet", dir.resolve("pq").toString(), "--holdout", "0.2");
        assertThat(parquet.exit()).isEqualTo(2);
        assertThat(parquet.err().strip()).isEqualTo("ponder: --holdout shapes a --finetune/--preference export; --parquet does not take it");
        Cli validate = Cli.run("export", "--validate", valid.toString(), "--metadata", "sidecar");
        assertThat(validate.exit()).isEqualTo(2);
        assertThat(validate.err().strip()).isEqualTo("ponder: --metadata shapes a --finetune/--preference export; --validate does not take it");
        assertThat(Cli.run("export", "--validate", valid.toString(), "--store", f).err().strip())
                .isEqualTo("ponder: --store names the store of a RUN; --validate does not take it");
        assertThat(Cli.run("export", "--bank", IO, "--store", f, "--finetune", f, "--accept", "verified").err().strip())
                .isEqualTo("ponder: --store names the store of a RUN; --bank does not take it");
        assertThat(Cli.run("export", "--validate", valid.toString()).exit()).isZero();
    }
}
