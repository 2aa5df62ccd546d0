package dev.ponder.examples;

import dev.ponder.core.bank.Bank;
import dev.ponder.core.bank.BankReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/**
 * The examples' sample bank, read from the classpath (a folder under {@code target/classes}, or inside the examples
 * jar). To use your own bank, call {@code BankReader.read(Path.of("path/to/bank"))} instead.
 */
public final class Banks {
    private Banks() {}

    /** 20 GSM8K test questions, 8 scripted samples each (see {@code banks/gsm8k-tiny/PROVENANCE.md}). */
    public static Bank gsm8kTiny() { return onClasspath("banks/gsm8k-tiny"); }

    /** A bank folder on the classpath. */
    public static Bank onClasspath(String folder) {
        URL url = Banks.class.getClassLoader().getResource(folder + "/bank.json");
        if (url == null) throw new IllegalStateException("no bank " + folder + " on the classpath");
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                try {
                    FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException alreadyOpen) {
                    // opened by an earlier call: Path.of finds it
                }
            }
            return BankReader.read(Path.of(uri).getParent());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bad resource URL " + url, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
