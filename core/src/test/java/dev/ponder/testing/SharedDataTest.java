package dev.ponder.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedDataTest {
    @Test
    void finds_a_sibling_shared_directory_from_deep_inside_a_repository(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("shared/banks"));
        Path module = Files.createDirectories(root.resolve("ponder/core"));
        assertThat(SharedData.findFrom(module)).contains(root.resolve("shared"));
    }

    @Test
    void is_empty_when_there_is_none(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("shared")); // no banks inside: not the shared data
        assertThat(SharedData.findFrom(Files.createDirectories(root.resolve("a/b")))).isEmpty();
    }
}
