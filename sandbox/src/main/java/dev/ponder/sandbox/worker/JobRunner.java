package dev.ponder.sandbox.worker;

import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compiles, checks and runs one job inside the worker, and classifies what happened. */
final class JobRunner {

    record Result(int code, String detail, boolean recycle) {}

    private static final Pattern ON_DEMAND_IMPORT = Pattern.compile("(?m)^\\s*import\\s+([\\w.]+)\\.\\*\\s*;");

    private final InMemoryCompiler compiler;

    JobRunner(InMemoryCompiler compiler) { this.compiler = compiler; }

    void warmUp() {
        String source = "import java.util.*; public class Main { public static void main(String[] a) {"
                + " List<Integer> xs = new ArrayList<>(List.of(3, 1, 2)); Collections.sort(xs);"
                + " if (!xs.equals(Arrays.asList(1, 2, 3))) throw new AssertionError(); } }";
        for (int i = 0; i < 3; i++) run(source, "Main", "Main", 10_000, 1 << 20);
    }

    Result run(String source, String mainClass, String trustedTypes, long timeoutMillis, long outputCap) {
        InMemoryCompiler.Output compiled = compiler.compile(mainClass + ".java", source);
        if (!compiled.ok()) return new Result(Protocol.COMPILE_ERROR, compiled.error(), false);
        String shadow = shadowing(compiled.classes(), source, Set.of(trustedTypes.split(",")));
        if (shadow != null) return new Result(Protocol.VIOLATION, shadow, false);
        for (byte[] bytes : compiled.classes().values()) {
            String forbidden = ForbiddenCalls.find(bytes);
            if (forbidden != null) return new Result(Protocol.VIOLATION, forbidden, false);
        }
        return execute(compiled.classes(), mainClass, timeoutMillis, outputCap);
    }

    /**
     * A top-level type named like a JDK type that the test file imports on demand (say {@code Arrays} or
     * {@code Objects}) silently replaces it for the tests: the classic way to pass by rewriting the harness.
     */
    private static String shadowing(Map<String, byte[]> classes, String source, Set<String> trusted) {
        List<String> packages = new ArrayList<>(List.of("java.lang"));
        Matcher m = ON_DEMAND_IMPORT.matcher(source);
        while (m.find()) packages.add(m.group(1));
        for (String name : classes.keySet()) {
            if (name.contains("$") || name.contains(".") || trusted.contains(name)) continue;
            for (String pkg : packages) {
                try {
                    Class.forName(pkg + "." + name, false, ClassLoader.getPlatformClassLoader());
                    return "declares class " + name + ", which shadows " + pkg + "." + name + " used by the test harness";
                } catch (ClassNotFoundException | LinkageError expected) {
                    // not a JDK type: fine
                }
            }
        }
        return null;
    }

    private static Result execute(Map<String, byte[]> classes, String mainClass, long timeoutMillis, long outputCap) {
        ClassLoader loader = new ClassLoader("candidate", ClassLoader.getPlatformClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = classes.get(name);
                if (bytes == null) throw new ClassNotFoundException(name);
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
        CappedOutput output = new CappedOutput(outputCap);
        PrintStream printer = new PrintStream(output, false);
        System.setOut(printer);
        System.setErr(printer);
        System.setIn(InputStream.nullInputStream());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        ThreadGroup group = new ThreadGroup("candidate");
        Thread thread = new Thread(group, () -> {
            try {
                Method main = loader.loadClass(mainClass).getMethod("main", String[].class);
                main.setAccessible(true);
                main.invoke(null, (Object) new String[0]);
            } catch (InvocationTargetException e) {
                failure.set(e.getCause());
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "candidate-main", 0);
        thread.setDaemon(true);
        thread.start();
        try {
            thread.join(timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) return new Result(Protocol.TIMEOUT, "still running after " + timeoutMillis + " ms", true);
        if (hasChildren()) return new Result(Protocol.VIOLATION, "started a subprocess", true);
        Throwable t = failure.get();
        if (output.exceeded() || causedBy(t, CappedOutput.LimitExceeded.class)) {
            return new Result(Protocol.OUTPUT_LIMIT, "printed more than " + outputCap + " bytes", true);
        }
        if (t == null) return new Result(Protocol.PASSED, "all tests passed", group.activeCount() > 0);
        OutOfMemoryError oom = find(t, OutOfMemoryError.class);
        if (oom != null) {
            String msg = String.valueOf(oom.getMessage());
            return msg.contains("native thread")
                    ? new Result(Protocol.VIOLATION, "thread limit reached: " + msg, true)
                    : new Result(Protocol.MEMORY, "out of memory: " + msg, true);
        }
        return new Result(Protocol.FAILED, describe(t), true);
    }

    /** Without /proc (as in the sandbox) this cannot be known, but there no process can be started anyway. */
    private static boolean hasChildren() {
        try {
            return ProcessHandle.current().children().findAny().isPresent();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) { return find(t, type) != null; }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (int i = 0; t != null && i < 20; t = t.getCause(), i++) if (type.isInstance(t)) return type.cast(t);
        return null;
    }

    private static String describe(Throwable t) {
        Throwable root = t instanceof ExceptionInInitializerError && t.getCause() != null ? t.getCause() : t;
        String text = root.toString();
        StackTraceElement[] frames = root.getStackTrace();
        if (frames.length > 0) text += " at " + frames[0].getClassName() + "." + frames[0].getMethodName() + ":" + frames[0].getLineNumber();
        Throwable cause = root;
        for (int i = 0; cause.getCause() != null && i < 20; i++) cause = cause.getCause();
        if (cause != root) text += "; cause: " + cause;
        return text.length() > 500 ? text.substring(0, 500) + "..." : text;
    }
}
