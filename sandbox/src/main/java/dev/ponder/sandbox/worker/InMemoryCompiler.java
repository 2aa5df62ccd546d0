package dev.ponder.sandbox.worker;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles one source file with {@code javax.tools} into memory; the standard file manager is reused (warm). */
final class InMemoryCompiler {

    /** Compiled classes by binary name, or the first error. */
    record Output(Map<String, byte[]> classes, String error) {
        boolean ok() { return error == null; }
    }

    private static final List<String> OPTIONS = List.of("-proc:none", "-nowarn", "-Xlint:none", "-g:source,lines",
            "--limit-modules", "java.base", "-encoding", "UTF-8");

    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    private final StandardJavaFileManager standard = javac.getStandardFileManager(null, Locale.ROOT, null);

    Output compile(String fileName, String source) {
        Map<String, byte[]> classes = new HashMap<>();
        var manager = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + ".class"), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return new ByteArrayOutputStream() {
                            @Override
                            public void close() { classes.put(className, toByteArray()); }
                        };
                    }
                };
            }
        };
        JavaFileObject unit = new SimpleJavaFileObject(URI.create("string:///" + fileName), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) { return source; }
        };
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean ok = javac.getTask(null, manager, diagnostics, OPTIONS, null, List.of(unit)).call();
        if (ok) return new Output(classes, null);
        String first = diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> "line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                .findFirst().orElse("compilation failed");
        return new Output(Map.of(), first);
    }
}
