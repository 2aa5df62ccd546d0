package dev.ponder.cli.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.cli.io.FlagChecks;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Problem;
import dev.ponder.core.verify.java.JavaProblems;
import dev.ponder.core.verify.java.JavaRun;
import dev.ponder.core.verify.java.JavaSandbox;
import dev.ponder.core.verify.java.JavaTests;
import dev.ponder.sandbox.SandboxLimits;
import dev.ponder.sandbox.Sandboxes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ponder verify}: runs one candidate against its problem's unit tests in the sandbox. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check one Java candidate (a method body, the whole class, or a model answer with a ```java block)",
            "against the tests of a HumanEval-X or MBJP problem, inside a bubblewrap sandbox.",
            "Exit status: 0 when the tests pass, 1 when they do not, 2 for bad input."})
public final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--problems", required = true, paramLabel = "FILE", description = "problems JSONL (HumanEval-X Java or MBJP)")
    Path problems;

    @Option(names = "--task", required = true, paramLabel = "ID", description = "task id, e.g. Java/0 or MBJP/2")
    String task;

    @Option(names = "--candidate", required = true, paramLabel = "FILE", description = "the candidate code ('-' for stdin)")
    String candidate;

    @Option(names = "--json", description = "print {\"task\", \"verdict\", \"reason\", \"millis\"}")
    boolean json;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10", description = "wall time for the tests (default ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Option(names = "--unsandboxed", description = "run WITHOUT isolation (only for code you trust, e.g. where bwrap is missing)")
    boolean unsandboxed;

    @Override
    public Integer call() throws IOException {
        FlagChecks.between("--timeout", timeoutSeconds, 1, 3600);
        Problem problem = JavaProblems.load(problems).stream().filter(p -> p.id().equals(task)).findFirst()
                .orElseThrow(() -> new PonderException(PonderException.Kind.NOT_FOUND, "no task '" + task + "' in " + problems));
        String code = readCandidate();
        SandboxLimits limits = SandboxLimits.defaults().withTimeout(Duration.ofSeconds(timeoutSeconds));
        long start = System.nanoTime();
        JavaRun run;
        String isolation;
        try (JavaSandbox sandbox = unsandboxed ? Sandboxes.unsandboxed(limits, 1) : Sandboxes.bubblewrap(limits, 1)) {
            isolation = sandbox.isolation();
            run = JavaTests.verify(sandbox, problem, code);
        }
        long total = (System.nanoTime() - start) / 1_000_000;
        var out = spec.commandLine().getOut();
        if (json) {
            ObjectNode node = new ObjectMapper().createObjectNode();
            node.put("task", task);
            node.put("verdict", run.outcome().label());
            node.put("reason", run.detail());
            node.put("millis", run.millis());
            out.println(node);
        } else {
            out.printf("%s: %s (%s)%n", task, run.outcome().label(), run.detail());
            out.printf("tests %d ms, total %d ms including the sandbox's start (%s)%n", run.millis(), total, isolation);
        }
        out.flush();
        return run.verdict().isAccepted() ? 0 : 1;
    }

    private String readCandidate() throws IOException {
        if (candidate.equals("-")) return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        Path file = Path.of(candidate);
        if (!Files.isRegularFile(file)) throw new PonderException(PonderException.Kind.NOT_FOUND, "no such candidate file: " + file);
        return Files.readString(file);
    }
}
