package dev.ponder.cli.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Ways to spoil an input, each seeded: truncate it, flip bytes, put a byte order mark in front, give JSON/YAML/CSV
 * values of the wrong type, empty it, fill it with random bytes, make it a directory, or take it away. A folder input
 * is spoiled by spoiling one of its files.
 */
enum Corruption {
    TRUNCATE, FLIP_BYTES, BOM, WRONG_TYPES, EMPTY, GARBAGE, DIRECTORY, MISSING;

    /** Spoils {@code target} (a file, or a folder's file) in place; returns the path to pass to the command. */
    Path apply(Path target, SplittableRandom rng) {
        try {
            if (Files.isDirectory(target)) {
                List<Path> files;
                try (var s = Files.list(target)) {
                    files = s.filter(Files::isRegularFile).sorted().toList();
                }
                if (files.isEmpty()) return target;
                Path one = files.get(rng.nextInt(files.size()));
                apply(one, rng);
                return target;
            }
            byte[] b = Files.exists(target) ? Files.readAllBytes(target) : new byte[0];
            switch (this) {
                case TRUNCATE -> Files.write(target, Arrays.copyOf(b, b.length == 0 ? 0 : rng.nextInt(b.length)));
                case FLIP_BYTES -> {
                    for (int i = 0; i < 1 + rng.nextInt(5) && b.length > 0; i++) b[rng.nextInt(b.length)] ^= (byte) (1 + rng.nextInt(255));
                    Files.write(target, b);
                }
                case BOM -> {
                    byte[] out = new byte[b.length + 3];
                    out[0] = (byte) 0xEF;
                    out[1] = (byte) 0xBB;
                    out[2] = (byte) 0xBF;
                    System.arraycopy(b, 0, out, 3, b.length);
                    Files.write(target, out);
                }
                case WRONG_TYPES -> Files.writeString(target, new String(b, StandardCharsets.UTF_8)
                        .replaceAll("\"(id|question|reference|problem_id|answer|name|model|task_id)\": \"[^\"]*\"", "\"$1\": [1, 2]")
                        .replaceAll(": (-?\\d+(\\.\\d+)?)", ": \"many\"").replace("true", "\"yes\"").replace("false", "{}")
                        .replaceAll("(?m)^(\\d+(\\.\\d+)?(e\\d+)?),", "x,"));
                case EMPTY -> Files.write(target, new byte[0]);
                case GARBAGE -> {
                    byte[] g = new byte[1 + rng.nextInt(300)];
                    rng.nextBytes(g);
                    Files.write(target, g);
                }
                case DIRECTORY -> {
                    Files.deleteIfExists(target);
                    Files.createDirectories(target);
                }
                case MISSING -> Files.deleteIfExists(target);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
