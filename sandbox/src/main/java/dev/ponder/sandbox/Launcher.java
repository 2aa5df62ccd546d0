package dev.ponder.sandbox;

import dev.ponder.core.error.PonderException;
import dev.ponder.sandbox.worker.SandboxWorker;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

/**
 * Builds the command line of a worker JVM. The sandbox (bubblewrap) sees a read-only {@code /usr/lib} (the JDK and
 * libc), {@code prlimit}, the worker's own classes and nothing else of the host: no {@code /etc}, no home, no project,
 * no {@code /proc} (so no {@code /proc/self/mem} to search for the result nonce; the launcher then needs
 * {@code LD_LIBRARY_PATH} to find {@code libjli});
 * its own size-capped tmpfs; fresh user, pid, network, IPC and UTS namespaces (no network); no environment; and it dies
 * with its parent. Limits are rlimits set by {@code prlimit} inside, plus JVM heap flags.
 */
record Launcher(List<String> command, String isolation, Path workerDir) {

    private static final String WORKER_PACKAGE = SandboxWorker.class.getPackageName().replace('.', '/') + "/";
    private static final String BWRAP = "/usr/bin/bwrap";
    private static final String NOBODY = "65534";

    private static volatile Optional<String> probed;

    /** Checks once per JVM that bwrap exists and can actually create its namespaces here (containers may forbid it). */
    static Optional<String> bubblewrapUnavailable() {
        Optional<String> result = probed;
        if (result == null) {
            result = probe();
            probed = result;
        }
        return result;
    }

    private static Optional<String> probe() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return Optional.of("bubblewrap needs Linux; this is " + System.getProperty("os.name"));
        }
        if (!Files.isExecutable(Path.of(BWRAP))) return Optional.of("bubblewrap (" + BWRAP + ") is not installed");
        if (!Files.isExecutable(Path.of("/usr/bin/prlimit"))) return Optional.of("prlimit (util-linux) is not installed");
        List<String> cmd = new ArrayList<>(dropRoot());
        cmd.addAll(List.of(BWRAP, "--unshare-all", "--die-with-parent", "--ro-bind", "/usr", "/usr"));
        for (String link : List.of("/lib", "/lib64", "/bin")) {
            if (Files.isSymbolicLink(Path.of(link))) cmd.addAll(List.of("--symlink", "usr" + link, link));
            else if (Files.isDirectory(Path.of(link))) cmd.addAll(List.of("--ro-bind", link, link));
        }
        cmd.addAll(List.of("--", "/usr/bin/prlimit", "--cpu=1"));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.of("bubblewrap did not start within 10 s");
            }
            if (p.exitValue() != 0) return Optional.of("bubblewrap cannot create a sandbox here: " + out);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("bubblewrap cannot be run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while probing bubblewrap");
        }
    }

    /** As root, RLIMIT_NPROC is not enforced: the sandbox runs as nobody. */
    private static List<String> dropRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            if (Integer.valueOf(0).equals(uid) && Files.isExecutable(Path.of("/usr/bin/setpriv"))) {
                return List.of("/usr/bin/setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--");
            }
        } catch (IOException | UnsupportedOperationException e) {
            // not Linux /proc: run as the current user
        }
        return List.of();
    }

    static Launcher bubblewrap(SandboxLimits limits) {
        Path workerDir = workerClasses();
        Path javaHome = Path.of(System.getProperty("java.home")).toAbsolutePath();
        List<String> cmd = new ArrayList<>(dropRoot());
        cmd.addAll(List.of(BWRAP, "--unshare-all", "--die-with-parent", "--new-session", "--clearenv",
                "--setenv", "MALLOC_ARENA_MAX", "2", "--cap-drop", "ALL"));
        for (String dir : List.of("/usr/lib", "/usr/lib64")) {
            if (Files.isDirectory(Path.of(dir))) cmd.addAll(List.of("--ro-bind", dir, dir));
        }
        for (String link : List.of("/lib", "/lib64")) {
            Path p = Path.of(link);
            if (Files.isSymbolicLink(p)) cmd.addAll(List.of("--symlink", "usr" + link, link));
            else if (Files.isDirectory(p)) cmd.addAll(List.of("--ro-bind", link, link));
        }
        if (!javaHome.startsWith("/usr/lib")) cmd.addAll(List.of("--ro-bind", javaHome.toString(), javaHome.toString()));
        Path spawnHelper = javaHome.resolve("lib/jspawnhelper");
        if (Files.exists(spawnHelper)) {
            // No process can be started inside: Java's only launch path execs this helper.
            cmd.addAll(List.of("--ro-bind", "/dev/null", spawnHelper.toString()));
        }
        cmd.addAll(List.of("--ro-bind", "/usr/bin/prlimit", "/usr/bin/prlimit",
                "--ro-bind", workerDir.toString(), "/sandbox/worker",
                "--setenv", "LD_LIBRARY_PATH", javaHome.resolve("lib").toString(),
                "--dev", "/dev",
                "--size", Long.toString(limits.tmpBytes()), "--tmpfs", "/tmp",
                "--chdir", "/tmp", "--"));
        cmd.addAll(List.of("/usr/bin/prlimit", "--nproc=" + limits.maxProcesses(), "--fsize=" + limits.maxFileBytes(),
                "--as=" + ((long) limits.addressSpaceMb() << 20), "--cpu=" + limits.cpuSeconds(), "--core=0",
                "--nofile=256", "--"));
        cmd.addAll(jvm(javaHome, limits, "/sandbox/worker"));
        return new Launcher(List.copyOf(cmd), "bubblewrap", workerDir);
    }

    static Launcher plain(SandboxLimits limits) {
        Path javaHome = Path.of(System.getProperty("java.home")).toAbsolutePath();
        Path workerDir = workerClasses();
        return new Launcher(jvm(javaHome, limits, workerDir.toString()), "unsandboxed", workerDir);
    }

    private static List<String> jvm(Path javaHome, SandboxLimits limits, String classpath) {
        return List.of(javaHome.resolve("bin/java").toString(), "-Xmx" + limits.heapMb() + "m", "-Xss1m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-XX:ReservedCodeCacheSize=64m",
                "-XX:MaxMetaspaceSize=256m", "-XX:CompressedClassSpaceSize=128m", "-XX:MaxDirectMemorySize=64m",
                "-Djava.io.tmpdir=/tmp", "-Duser.home=/tmp", "-Dfile.encoding=UTF-8",
                "-Djdk.lang.Process.launchMechanism=POSIX_SPAWN", "--illegal-native-access=deny",
                "-Xlog:disable", "-Xlog:all=warning:stderr",
                "--limit-modules", "jdk.compiler", "-cp", classpath, SandboxWorker.class.getName());
    }

    /** Copies the worker's classes (from the classes directory or the fat jar) into a world-readable temp dir. */
    private static synchronized Path workerClasses() {
        try {
            Path dir = Files.createTempDirectory("ponder-worker-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            Path source = Path.of(SandboxWorker.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(source)) {
                try (var files = Files.walk(source.resolve(WORKER_PACKAGE))) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        copy(Files.newInputStream(f), dir.resolve(source.relativize(f).toString()));
                    }
                }
            } else {
                try (JarFile jar = new JarFile(source.toFile())) {
                    for (var e : Collections.list(jar.entries())) {
                        if (!e.isDirectory() && e.getName().startsWith(WORKER_PACKAGE)) copy(jar.getInputStream(e), dir.resolve(e.getName()));
                    }
                }
            }
            return dir;
        } catch (IOException | URISyntaxException e) {
            throw new PonderException(PonderException.Kind.INTERNAL, "cannot stage the sandbox worker's classes: " + e, e);
        }
    }

    /** Removes the staged worker classes (called when the pool closes). */
    void cleanUp() {
        try (var files = Files.walk(workerDir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // best effort: a leftover temp dir is harmless
        }
    }

    private static void copy(InputStream in, Path target) throws IOException {
        try (in) {
            Path parent = target.getParent();
            Files.createDirectories(parent);
            for (Path p = parent; p != null && p.getFileName() != null && !p.getFileName().toString().startsWith("ponder-worker-"); p = p.getParent()) {
                p.toFile().setReadable(true, false);
                p.toFile().setExecutable(true, false);
            }
            Files.copy(in, target);
            target.toFile().setReadable(true, false);
        }
    }
}
