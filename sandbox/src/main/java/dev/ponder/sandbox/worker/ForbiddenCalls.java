package dev.ponder.sandbox.worker;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Map;

/**
 * Reads the method references in a class file's constant pool and names the first forbidden one: ending the JVM
 * ({@code System.exit}, {@code Runtime.halt}: in a one-process harness exit status 0 reads as "passed") or starting
 * processes. Reflection can still reach them; the sandbox and the host's exit checks catch that case.
 */
final class ForbiddenCalls {

    private static final Map<String, String> FORBIDDEN = Map.of(
            "java/lang/System.exit", "calls System.exit (ends the test harness early)",
            "java/lang/Runtime.exit", "calls Runtime.exit (ends the test harness early)",
            "java/lang/Runtime.halt", "calls Runtime.halt (ends the test harness early)",
            "java/lang/Runtime.exec", "starts a process (Runtime.exec)",
            "java/lang/ProcessBuilder.start", "starts a process (ProcessBuilder.start)",
            "java/lang/ProcessBuilder.startPipeline", "starts a process (ProcessBuilder.startPipeline)");

    private ForbiddenCalls() {}

    /** The reason the class is refused, or null. */
    static String find(byte[] classFile) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile))) {
            in.readInt();
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            int[] classNameIndex = new int[count];
            int[][] memberRef = new int[count][];
            int[] nameIndex = new int[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 7 -> classNameIndex[i] = in.readUnsignedShort();
                    case 9, 10, 11 -> memberRef[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                    case 12 -> {
                        nameIndex[i] = in.readUnsignedShort();
                        in.readUnsignedShort();
                    }
                    case 8, 16, 19, 20 -> in.readUnsignedShort();
                    case 15 -> {
                        in.readUnsignedByte();
                        in.readUnsignedShort();
                    }
                    case 3, 4, 17, 18 -> in.readInt();
                    case 5, 6 -> {
                        in.readLong();
                        i++;
                    }
                    default -> throw new IOException("unknown constant pool tag " + tag);
                }
            }
            for (int[] ref : memberRef) {
                if (ref == null) continue;
                String owner = utf8[classNameIndex[ref[0]]];
                String name = utf8[nameIndex[ref[1]]];
                String reason = FORBIDDEN.get(owner + "." + name);
                if (reason != null) return reason;
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return "unreadable class file: " + e.getMessage();
        }
    }
}
