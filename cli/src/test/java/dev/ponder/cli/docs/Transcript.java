package dev.ponder.cli.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A shell transcript quoted in a Markdown file: a fenced block whose first line starts with {@code $ }, each command
 * (a {@code $} line, continued with a trailing backslash) followed by the output it prints. The convention the docs
 * follow:
 * <ul>
 *   <li>(checked by {@link dev.ponder.core.testing.QuotedOutput}) a quoted output line must appear in the command's output (stdout then stderr), in order, each right after the
 *       one before, except where a line {@code ...} stands for any number of lines;</li>
 *   <li>{@code ...} inside a line stands for any text (a path, a time stamp);</li>
 *   <li>runs of spaces compare as one space, and blank lines are ignored;</li>
 *   <li>a block that cannot be run here (it needs a server, a file the docs do not ship) is preceded by
 *       {@code <!-- not run: why -->}, and the test says which it skipped and why.</li>
 * </ul>
 */
record Transcript(Path file, int line, List<Command> commands, Optional<String> notRun) {
    private static final Pattern NOT_RUN = Pattern.compile("<!--\\s*not run:\\s*(.*?)\\s*-->");

    /** One command of a transcript and the output lines the docs quote for it. */
    record Command(String text, List<String> quoted) {
        boolean isPonder() { return text.startsWith("./ponder ") || text.equals("./ponder") || text.startsWith("ponder "); }
    }

    String where() { return file.getFileName() + ":" + line; }

    static List<Transcript> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<Transcript> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("```")) continue;
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).startsWith("```")) end++;
            List<String> body = lines.subList(i + 1, Math.min(end, lines.size()));
            if (!body.isEmpty() && body.getFirst().startsWith("$ ")) {
                Optional<String> skip = Optional.empty();
                for (int j = i - 1; j >= 0 && j >= i - 2; j--) {
                    var m = NOT_RUN.matcher(lines.get(j));
                    if (m.find()) skip = Optional.of(m.group(1));
                }
                out.add(new Transcript(file, i + 2, commands(body), skip));
            }
            i = end;
        }
        return out;
    }

    private static List<Command> commands(List<String> body) {
        List<Command> out = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            StringBuilder cmd = new StringBuilder(body.get(i).substring(2));
            while (cmd.toString().endsWith("\\") && i + 1 < body.size()) {
                cmd.setLength(cmd.length() - 1);
                cmd.append(' ').append(body.get(++i).strip());
            }
            List<String> quoted = new ArrayList<>();
            while (i + 1 < body.size() && !body.get(i + 1).startsWith("$ ")) quoted.add(body.get(++i));
            out.add(new Command(withoutComment(cmd.toString()).strip(), quoted));
        }
        return out;
    }

    /** The command without a trailing shell comment ({@code  # ...} outside quotes). */
    static String withoutComment(String cmd) {
        boolean single = false, dbl = false;
        for (int i = 0; i < cmd.length(); i++) {
            char c = cmd.charAt(i);
            if (c == '\'' && !dbl) single = !single;
            else if (c == '"' && !single) dbl = !dbl;
            else if (c == '#' && !single && !dbl && i > 0 && Character.isWhitespace(cmd.charAt(i - 1))) return cmd.substring(0, i);
        }
        return cmd;
    }

    /** Shell words: spaces split, single and double quotes group, a backslash escapes the next character. */
    static List<String> words(String cmd) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean single = false, dbl = false, any = false;
        for (int i = 0; i < cmd.length(); i++) {
            char c = cmd.charAt(i);
            if (c == '\\' && !single && i + 1 < cmd.length()) {
                w.append(cmd.charAt(++i));
                any = true;
            } else if (c == '\'' && !dbl) {
                single = !single;
                any = true;
            } else if (c == '"' && !single) {
                dbl = !dbl;
                any = true;
            } else if (Character.isWhitespace(c) && !single && !dbl) {
                if (any) out.add(w.toString());
                w.setLength(0);
                any = false;
            } else {
                w.append(c);
                any = true;
            }
        }
        if (any) out.add(w.toString());
        return out;
    }
}
