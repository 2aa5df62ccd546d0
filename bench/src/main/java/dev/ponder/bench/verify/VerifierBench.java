package dev.ponder.bench.verify;

import dev.ponder.core.model.Problem;
import dev.ponder.core.verify.java.JavaOutcome;
import dev.ponder.core.verify.java.JavaProblems;
import dev.ponder.core.verify.java.JavaRun;
import dev.ponder.core.verify.java.JavaSandbox;
import dev.ponder.core.verify.java.JavaTests;
import dev.ponder.sandbox.SandboxLimits;
import dev.ponder.sandbox.Sandboxes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Verified samples per second for HumanEval-X Java reference solutions, in one run: the warm sandboxed pool vs one
 * {@code javac} + {@code java} process pair per sample (no sandbox, so the baseline is if anything flattered).
 * Usage: {@code java -cp bench/target/classes:core/target/classes:... dev.ponder.bench.verify.VerifierBench
 * [problems.jsonl] [workers] [baselineSamples]}.
 */
public final class VerifierBench {

    private VerifierBench() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "../shared/data/problems_humaneval_java/humanevalx_java.jsonl");
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        int baselineSamples = args.length > 2 ? Integer.parseInt(args[2]) : 24;
        List<Problem> problems = JavaProblems.load(file);
        SandboxLimits limits = SandboxLimits.defaults();

        long startPool = System.nanoTime();
        int poolPassed;
        double poolRate;
        try (JavaSandbox sandbox = Sandboxes.bubblewrap(limits, workers)) {
            long warm = System.nanoTime();
            runPool(sandbox, problems.subList(0, Math.min(8, problems.size())), workers); // let the pool fill
            double startup = (System.nanoTime() - warm) / 1e9;
            long t0 = System.nanoTime();
            poolPassed = runPool(sandbox, problems, workers);
            double seconds = (System.nanoTime() - t0) / 1e9;
            poolRate = problems.size() / seconds;
            System.out.printf("pool: %d/%d passed in %.1f s (first batch incl. worker start %.1f s)%n",
                    poolPassed, problems.size(), seconds, startup);
        }
        double poolTotal = (System.nanoTime() - startPool) / 1e9;

        List<Problem> subset = problems.subList(0, Math.min(baselineSamples, problems.size()));
        long t1 = System.nanoTime();
        int basePassed = runBaseline(subset, workers);
        double baseSeconds = (System.nanoTime() - t1) / 1e9;
        double baseRate = subset.size() / baseSeconds;
        System.out.printf("baseline: %d/%d passed in %.1f s%n", basePassed, subset.size(), baseSeconds);

        System.out.println();
        System.out.printf("| method (%d workers, %d cores) | samples | passed | samples/s |%n", workers, Runtime.getRuntime().availableProcessors());
        System.out.println("|---|---|---|---|");
        System.out.printf("| warm sandboxed pool (bwrap) | %d | %d | %.1f |%n", problems.size(), poolPassed, poolRate);
        System.out.printf("| javac + java per sample | %d | %d | %.2f |%n", subset.size(), basePassed, baseRate);
        System.out.printf("| ratio | | | %.1fx |%n", poolRate / baseRate);
        System.out.printf("(pool wall time including startup and warm-up: %.1f s)%n", poolTotal);
    }

    private static int runPool(JavaSandbox sandbox, List<Problem> problems, int threads) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<JavaRun>> runs = new ArrayList<>();
            for (Problem p : problems) runs.add(pool.submit(() -> JavaTests.verify(sandbox, p, p.reference())));
            int passed = 0;
            for (Future<JavaRun> f : runs) if (f.get().outcome() == JavaOutcome.PASSED) passed++;
            return passed;
        }
    }

    private static int runBaseline(List<Problem> problems, int threads) throws Exception {
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (Problem p : problems) {
                runs.add(pool.submit(() -> {
                    Path dir = Files.createTempDirectory("ponder-bench-");
                    try {
                        JavaTests.Assembled a = JavaTests.assemble(p, p.reference());
                        Files.writeString(dir.resolve("Main.java"), a.source());
                        return exec(dir, bin.resolve("javac").toString(), "-nowarn", "-d", ".", "Main.java")
                                && exec(dir, bin.resolve("java").toString(), "-cp", ".", "Main");
                    } finally {
                        try (var files = Files.walk(dir)) {
                            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
                        }
                    }
                }));
            }
            int passed = 0;
            for (Future<Boolean> f : runs) if (f.get()) passed++;
            return passed;
        }
    }

    private static boolean exec(Path dir, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return false;
        }
        return p.exitValue() == 0;
    }
}
