package dev.ponder.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.model.Problem;
import dev.ponder.core.verify.java.JavaOutcome;
import dev.ponder.core.verify.java.JavaRun;
import dev.ponder.core.verify.java.JavaSandbox;
import dev.ponder.core.verify.java.JavaTests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile candidates: each attack returns the right answer only if it succeeded, so "failed" means the sandbox held.
 * Afterwards the host's files and processes are as they were.
 */
class HostileCodeTest {

    private static JavaSandbox sandbox;
    private static Set<Long> processesBefore;
    private static Set<String> stagedBefore;
    private static final Problem ADD = TinyProblem.addition();

    @TempDir
    static Path hostDir;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(Sandboxes.bubblewrapUnavailable().isEmpty(),
                () -> "skipping the hostile-code suite: " + Sandboxes.bubblewrapUnavailable().orElse(""));
        processesBefore = descendants();
        stagedBefore = stagedWorkerDirs();
        SandboxLimits limits = new SandboxLimits(Duration.ofSeconds(3), 600, 128, 2048, 96, 1 << 20, 8 << 20, 64 << 10);
        sandbox = Sandboxes.bubblewrap(limits, 2);
    }

    @AfterAll
    static void stop() throws Exception {
        if (sandbox == null) return;
        sandbox.close();
        for (ProcessHandle p : ProcessHandle.current().descendants().toList()) p.onExit().get();
        assertThat(descendants()).as("no sandbox process outlives the pool").isSubsetOf(processesBefore);
        assertThat(stagedWorkerDirs()).as("the pool removes its staged worker classes").isSubsetOf(stagedBefore);
    }

    private static Set<String> stagedWorkerDirs() {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("ponder-worker-")).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<Long> descendants() {
        return ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    private static JavaRun attack(String statements, String condition) {
        return JavaTests.verify(sandbox, ADD, TinyProblem.body(statements, condition));
    }

    @Test
    void infinite_loop_times_out() {
        assertThat(attack("long n = 0; while (System.nanoTime() > 0) n++;", "true").outcome()).isEqualTo(JavaOutcome.TIMEOUT);
    }

    @Test
    void sleeping_forever_times_out() {
        assertThat(attack("Thread.sleep(Long.MAX_VALUE);", "true").outcome()).isEqualTo(JavaOutcome.TIMEOUT);
    }

    @Test
    void thread_bomb_hits_the_process_limit() {
        JavaRun run = attack("for (int i = 0; i < 100_000; i++) { Thread t = new Thread(() -> {"
                + " try { Thread.sleep(Long.MAX_VALUE); } catch (InterruptedException e) { } }); t.start(); }", "true");
        assertThat(run.outcome()).isEqualTo(JavaOutcome.VIOLATION);
        assertThat(run.detail()).contains("thread limit");
    }

    @Test
    void process_bomb_is_refused() {
        JavaRun run = attack("for (int i = 0; i < 10_000; i++) new ProcessBuilder(System.getProperty(\"java.home\") + \"/bin/java\", \"-version\").start();", "true");
        assertThat(run.outcome()).isEqualTo(JavaOutcome.VIOLATION);
        assertThat(run.detail()).contains("starts a process");
    }

    @Test
    void process_started_by_reflection_cannot_start() {
        JavaRun run = attack("Object pb = ProcessBuilder.class.getConstructor(String[].class).newInstance((Object) new String[] {"
                + " System.getProperty(\"java.home\") + \"/bin/java\", \"-version\"});"
                + " ProcessBuilder.class.getMethod(\"start\").invoke(pb); Thread.sleep(200);", "true");
        assertThat(run.outcome()).isEqualTo(JavaOutcome.FAILED);
        assertThat(run.detail()).contains("IOException");
    }

    @Test
    void memory_bomb_runs_out_of_memory() {
        JavaRun run = attack("java.util.List<long[]> hog = new java.util.ArrayList<>();"
                + " for (int i = 0; i < 1_000_000; i++) hog.add(new long[1 << 20]);", "true");
        assertThat(run.outcome()).isEqualTo(JavaOutcome.MEMORY);
    }

    @Test
    void off_heap_memory_bomb_runs_out_of_memory() {
        JavaRun run = attack("java.util.List<Object> hog = new java.util.ArrayList<>();"
                + " for (int i = 0; i < 100_000; i++) hog.add(java.nio.ByteBuffer.allocateDirect(1 << 24));", "true");
        assertThat(run.outcome()).isEqualTo(JavaOutcome.MEMORY);
    }

    @Test
    void system_exit_is_a_violation() {
        JavaRun run = attack("if (a > -1000) System.exit(0);", "true");
        assertThat(run.outcome()).isEqualTo(JavaOutcome.VIOLATION);
        assertThat(run.detail()).contains("System.exit");
    }

    @Test
    void system_exit_by_reflection_is_a_violation() {
        JavaRun run = attack("Class.forName(\"java.lang.System\").getMethod(\"exit\", int.class).invoke(null, 0);", "true");
        assertThat(run.outcome()).isEqualTo(JavaOutcome.VIOLATION);
        assertThat(run.detail()).contains("exited");
    }

    @Test
    void writing_outside_its_directory_fails() throws IOException {
        Path canary = hostDir.resolve("written-by-sandbox.txt");
        JavaRun run = attack("java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + canary + "\"), \"pwned\");"
                + " java.nio.file.Files.writeString(java.nio.file.Path.of(\"/usr/lib/ponder-pwned\"), \"pwned\");", "true");
        assertThat(run.outcome()).isEqualTo(JavaOutcome.FAILED);
        assertThat(canary).doesNotExist();
        assertThat(Path.of("/usr/lib/ponder-pwned")).doesNotExist();
    }

    @Test
    void reading_etc_passwd_fails() {
        JavaRun run = attack("String s = java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/passwd\"));", "s.contains(\"root:\")");
        assertThat(run.outcome()).isEqualTo(JavaOutcome.FAILED);
        assertThat(run.detail()).contains("NoSuchFileException");
    }

    @Test
    void proc_is_not_mounted_so_its_own_memory_cannot_be_searched_for_the_nonce() {
        JavaRun run = attack("byte[] maps = java.nio.file.Files.readAllBytes(java.nio.file.Path.of(\"/proc/self/maps\"));", "maps.length > 0");
        assertThat(run.outcome()).isEqualTo(JavaOutcome.FAILED);
        assertThat(run.detail()).contains("NoSuchFileException");
    }

    @Test
    void the_host_environment_is_not_visible() {
        assertThat(System.getenv("PATH")).isNotNull();
        JavaRun run = attack("", "System.getenv(\"PATH\") != null || System.getenv(\"HOME\") != null"
                + " || System.getenv(\"JAVA_HOME\") != null || System.getenv(\"USER\") != null");
        assertThat(run.outcome()).isEqualTo(JavaOutcome.FAILED);
    }

    @Test
    void project_files_are_not_visible() {
        Path pom = Path.of(System.getProperty("user.dir"), "pom.xml").toAbsolutePath();
        assertThat(pom).exists();
        JavaRun run = attack("String s = java.nio.file.Files.readString(java.nio.file.Path.of(\"" + pom + "\"));", "s.contains(\"ponder\")");
        assertThat(run.outcome()).isEqualTo(JavaOutcome.FAILED);
    }

    @Test
    void sockets_cannot_reach_the_host() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(1);
            JavaRun run = attack("new java.net.Socket(\"127.0.0.1\", " + server.getLocalPort() + ").close();", "true");
            assertThat(run.outcome()).isEqualTo(JavaOutcome.FAILED);
            assertThat(run.detail()).contains("Connection refused");
            try {
                server.accept().close();
                throw new AssertionError("the sandbox reached the host's loopback");
            } catch (SocketTimeoutException expected) {
                // nothing connected
            }
        }
        JavaRun outside = attack("new java.net.Socket(\"1.1.1.1\", 80).close();", "true");
        assertThat(outside.outcome()).isEqualTo(JavaOutcome.FAILED);
        assertThat(outside.detail()).contains("unreachable");
    }

    @Test
    void deleting_files_fails() throws IOException {
        Path victim = Files.writeString(hostDir.resolve("keep-me.txt"), "precious");
        JavaRun run = attack("java.nio.file.Files.delete(java.nio.file.Path.of(\"" + victim + "\"));"
                + " java.nio.file.Files.delete(java.nio.file.Path.of(\"" + System.getProperty("java.home") + "/release\"));", "true");
        assertThat(run.outcome()).isEqualTo(JavaOutcome.FAILED);
        assertThat(Files.readString(victim)).isEqualTo("precious");
        assertThat(Path.of(System.getProperty("java.home"), "release")).exists();
    }

    @Test
    void gigabytes_of_output_hit_the_output_limit() {
        JavaRun run = attack("String line = \"x\".repeat(1023);"
                + " for (long i = 0; i < 4L * 1024 * 1024; i++) System.out.println(line);", "true");
        assertThat(run.outcome()).isEqualTo(JavaOutcome.OUTPUT_LIMIT);
    }

    @Test
    void gigabytes_on_the_raw_stderr_descriptor_hit_the_output_limit() {
        JavaRun run = attack("var err = new java.io.FileOutputStream(java.io.FileDescriptor.err); byte[] block = new byte[1 << 16];"
                + " for (long i = 0; i < 65_536; i++) err.write(block);", "true");
        assertThat(run.outcome()).isEqualTo(JavaOutcome.OUTPUT_LIMIT);
    }

    @Test
    void shadowing_the_harness_types_is_a_violation() {
        String candidate = "        return -1;\n    }\n}\n"
                + "class Arrays { static <T> java.util.List<T> asList(T... xs) { return new java.util.ArrayList<>(); } }\n";
        JavaRun run = JavaTests.verify(sandbox, ADD, candidate);
        assertThat(run.outcome()).isEqualTo(JavaOutcome.VIOLATION);
        assertThat(run.detail()).contains("shadows java.util.Arrays");
    }

    @Test
    void forging_a_result_on_the_raw_stdout_descriptor_is_a_violation() {
        JavaRun run = attack("var out = new java.io.DataOutputStream(new java.io.FileOutputStream(java.io.FileDescriptor.out));"
                + " out.writeInt(0x52534c54); out.writeLong(0); out.writeLong(0); out.writeInt(0); out.writeInt(0);"
                + " out.writeBoolean(false); out.flush(); Thread.sleep(100_000);", "true");
        assertThat(run.outcome()).isEqualTo(JavaOutcome.VIOLATION);
        assertThat(run.detail()).contains("result channel");
    }

    @Test
    void a_correct_solution_still_passes_after_the_attacks() {
        assertThat(JavaTests.verify(sandbox, ADD, ADD.reference()).outcome()).isEqualTo(JavaOutcome.PASSED);
    }
}
