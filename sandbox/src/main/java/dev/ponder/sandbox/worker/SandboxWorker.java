package dev.ponder.sandbox.worker;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Properties;

/**
 * The warm worker JVM that runs inside the sandbox: reads jobs (a source file, its main class, limits) on stdin,
 * compiles them in memory, runs {@code main} in a fresh class loader on its own thread, and writes one result frame
 * per job on stdout. It depends on the JDK only, because only its own classes are mounted into the sandbox. After any
 * outcome that ran untrusted code and did not pass, it exits so that the host starts a clean one.
 */
public final class SandboxWorker {

    private SandboxWorker() {}

    /** Reads the launch mechanism now, so code under test cannot switch it with System.setProperty later. */
    private static void lockProcessLaunchMechanism() {
        try {
            Class.forName("java.lang.ProcessImpl", true, null);
        } catch (ClassNotFoundException | LinkageError e) {
            // not on this platform: nothing to lock
        }
    }

    public static void main(String[] args) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        System.setOut(sink);
        System.setErr(sink);
        lockProcessLaunchMechanism();
        InMemoryCompiler compiler = new InMemoryCompiler();
        JobRunner runner = new JobRunner(compiler);
        runner.warmUp();
        Properties saved = (Properties) System.getProperties().clone();
        out.writeInt(Protocol.READY);
        out.flush();
        while (true) {
            int magic;
            try {
                magic = in.readInt();
            } catch (EOFException e) {
                return;
            }
            if (magic != Protocol.JOB) Runtime.getRuntime().halt(3);
            long nonceHigh = in.readLong();
            long nonceLow = in.readLong();
            long timeoutMillis = in.readLong();
            long outputCap = in.readLong();
            String trustedTypes = Protocol.readString(in);
            String mainClass = Protocol.readString(in);
            String source = Protocol.readString(in);
            JobRunner.Result result = runner.run(source, mainClass, trustedTypes, timeoutMillis, outputCap);
            System.setOut(sink);
            System.setErr(sink);
            System.setIn(InputStream.nullInputStream());
            System.setProperties((Properties) saved.clone());
            out.writeInt(Protocol.RESULT);
            out.writeLong(nonceHigh);
            out.writeLong(nonceLow);
            out.writeInt(result.code());
            Protocol.writeString(out, result.detail());
            out.writeBoolean(result.recycle());
            out.flush();
            if (result.recycle()) Runtime.getRuntime().halt(0);
        }
    }
}
