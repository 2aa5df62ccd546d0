package dev.ponder.cli.fit;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "thinking", mixinStandardHelpOptions = true, description = "placeholder")
public final class FitThinking implements Callable<Integer> {
    @Override
    public Integer call() { return 0; }
}
