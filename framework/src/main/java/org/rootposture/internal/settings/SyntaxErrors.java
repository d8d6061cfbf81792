package org.rootposture.internal.settings;

import java.util.regex.Pattern;

import org.yaml.snakeyaml.error.MarkedYAMLException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * One line about a JSON or YAML file that does not parse, for the people who wrote the file: where ("line 3, column
 * 13") and what, in plain words, without the parser's internals (Jackson's {@code [Source: …]}, SnakeYAML's
 * multi-line excerpt with a caret).
 */
public final class SyntaxErrors {

    private static final Pattern SOURCE = Pattern.compile("\\s*\\(?(start marker at )?\\[Source: [^]]*]\\)?");
    private static final Pattern CODE = Pattern.compile("\\s*\\((CTRL-CHAR, )?code \\d+\\)");

    private SyntaxErrors() {
    }

    /** Such as {@code line 3, column 13: a ':' where YAML does not expect one; …}. */
    public static String describe(JsonProcessingException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
                return "line " + (yaml.getProblemMark().getLine() + 1) + ", column " + (yaml.getProblemMark().getColumn() + 1) + ": "
                        + yamlProblem(yaml);
            }
        }
        JsonLocation location = e.getLocation();
        String where = location == null || location.getLineNr() < 1 ? "" : "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
        String message = String.valueOf(e.getOriginalMessage());
        if (message.startsWith("Unexpected end-of-input")) {
            return where + "the file ends before the JSON is complete (is it cut short?)";
        }
        return where + CODE.matcher(SOURCE.matcher(message.lines().findFirst().orElse(message)).replaceAll("")).replaceAll("");
    }

    private static String yamlProblem(MarkedYAMLException yaml) {
        String problem = String.valueOf(yaml.getProblem());
        String context = String.valueOf(yaml.getContext());
        int contextLine = yaml.getContextMark() == null ? 0 : yaml.getContextMark().getLine() + 1;
        if (problem.contains("(TAB)")) {
            return "a tab character; indent YAML with spaces";
        }
        if (problem.startsWith("mapping values are not allowed")) {
            return "a ':' where YAML does not expect one; check the indentation, or quote a value that holds ': '";
        }
        if (context.contains("quoted scalar")) {
            return "the quote opened on line " + contextLine + " is never closed";
        }
        if (problem.startsWith("could not find expected ':'")) {
            return "line " + contextLine + " is not 'name: value'";
        }
        if (problem.startsWith("expected <block end>")) {
            return "the indentation does not line up with line " + contextLine;
        }
        return problem.replace("<stream end>", "the end of the file").replace("<block end>", "the end of the block")
                .replaceAll("<([a-z ]+)>", "$1");
    }
}
