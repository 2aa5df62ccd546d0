package dev.ponder.lab.route;

import dev.ponder.core.error.PonderException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/** A binary file of (focused text, vector) pairs next to a model file, so retraining and evaluation skip the embedder. */
final class EmbeddingCache {
    private static final int MAGIC = 0x504f4e45;   // "PONE"

    private EmbeddingCache() {}

    static Path next(Path modelFile) {
        return modelFile.resolveSibling(modelFile.getFileName() + ".embeddings");
    }

    static void load(Path file, Map<String, float[]> into) {
        if (!Files.isRegularFile(file)) return;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC || !in.readUTF().equals(Embeddings.MODEL)) return;   // another model: ignore
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                String text = readString(in);
                float[] v = new float[in.readInt()];
                for (int j = 0; j < v.length; j++) v[j] = in.readFloat();
                into.put(text, v);
            }
        } catch (IOException e) {
            throw new PonderException(PonderException.Kind.INVALID_INPUT, file + ": unreadable embedding cache (delete it to rebuild): " + e.getMessage(), e);
        }
    }

    static void save(Path file, Map<String, float[]> vectors) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            out.writeInt(MAGIC);
            out.writeUTF(Embeddings.MODEL);
            out.writeInt(vectors.size());
            for (Map.Entry<String, float[]> e : vectors.entrySet()) {
                writeString(out, e.getKey());
                out.writeInt(e.getValue().length);
                for (float x : e.getValue()) out.writeFloat(x);
            }
        } catch (IOException e) {
            throw new PonderException(PonderException.Kind.INTERNAL, file + ": cannot write embedding cache: " + e.getMessage(), e);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new PonderException(PonderException.Kind.INTERNAL, file + ": cannot write embedding cache: " + e.getMessage(), e);
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
