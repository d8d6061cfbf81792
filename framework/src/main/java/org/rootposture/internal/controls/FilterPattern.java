package org.rootposture.internal.controls;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A CloudWatch Logs JSON filter pattern such as {@code { $.userIdentity.type = "Root" && $.eventType != "AwsServiceEvent" }},
 * parsed so that two patterns can be compared by meaning rather than by their bytes: whitespace, redundant parentheses,
 * the order of {@code &&} terms and quoting of values do not matter.
 *
 * <p>Only what the comparison needs is modelled: comparisons ({@code =}, {@code !=}, {@code <}, {@code <=}, {@code >},
 * {@code >=}), {@code NOT EXISTS}, {@code IS TRUE|FALSE|NULL}, {@code &&}, {@code ||} and parentheses. Anything else
 * (a space-delimited or metric-style pattern) does not parse, and so matches nothing.
 */
public final class FilterPattern {

    /** The CIS pattern for root usage (CIS AWS Foundations v3.0.0 4.3, Security Hub CloudWatch.1). */
    public static final String CIS_ROOT_USAGE = "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }";

    private static final Set<Term> ROOT_USAGE_TERMS = conjunction(CIS_ROOT_USAGE).orElseThrow();

    /**
     * One condition on one selector.
     *
     * @param selector the normalised selector, e.g. {@code $.userIdentity.type}
     * @param operator {@code =}, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=}, {@code NOT EXISTS} or {@code IS}
     * @param value    the value compared with, unquoted; empty for {@code NOT EXISTS}
     */
    record Term(String selector, String operator, String value) { }

    private FilterPattern() {
    }

    /** Whether the pattern selects exactly the events the CIS root usage pattern selects. */
    public static boolean matchesCisRootUsage(String pattern) {
        return conjunction(pattern).map(ROOT_USAGE_TERMS::equals).orElse(false);
    }

    /**
     * The pattern's terms when it is one conjunction of terms (however parenthesised and ordered); empty when it does
     * not parse or contains {@code ||}.
     */
    static Optional<Set<Term>> conjunction(String pattern) {
        if (pattern == null) {
            return Optional.empty();
        }
        try {
            Node node = new Parser(pattern).pattern();
            Set<Term> terms = new LinkedHashSet<>();
            return collect(node, terms) ? Optional.of(Set.copyOf(terms)) : Optional.empty();
        } catch (IllegalArgumentException unparsable) {
            return Optional.empty();
        }
    }

    private static boolean collect(Node node, Set<Term> terms) {
        if (node instanceof Leaf leaf) {
            terms.add(leaf.term());
            return true;
        }
        if (node instanceof Or) {
            return false;
        }
        And and = (And) node;
        return and.operands().stream().allMatch(operand -> collect(operand, terms));
    }

    private sealed interface Node permits Leaf, And, Or { }

    private record Leaf(Term term) implements Node { }

    private record And(List<Node> operands) implements Node { }

    private record Or(List<Node> operands) implements Node { }

    /** Recursive descent over {@code '{' or '}'}, {@code or := and ('||' and)*}, {@code and := unary ('&&' unary)*}. */
    private static final class Parser {

        private final String text;
        private int position;

        Parser(String text) {
            this.text = text;
        }

        Node pattern() {
            expect("{");
            Node node = or();
            expect("}");
            skipSpace();
            if (position != text.length()) {
                throw error("text after the closing brace");
            }
            return node;
        }

        private Node or() {
            List<Node> operands = new ArrayList<>(List.of(and()));
            while (accept("||")) {
                operands.add(and());
            }
            return operands.size() == 1 ? operands.get(0) : new Or(operands);
        }

        private Node and() {
            List<Node> operands = new ArrayList<>(List.of(unary()));
            while (accept("&&")) {
                operands.add(unary());
            }
            return operands.size() == 1 ? operands.get(0) : new And(operands);
        }

        private Node unary() {
            if (accept("(")) {
                Node inner = or();
                expect(")");
                return inner;
            }
            return new Leaf(term());
        }

        private Term term() {
            String selector = selector();
            if (acceptWord("NOT")) {
                if (!acceptWord("EXISTS")) {
                    throw error("EXISTS after NOT");
                }
                return new Term(selector, "NOT EXISTS", "");
            }
            if (acceptWord("IS")) {
                String value = word();
                if (!Set.of("TRUE", "FALSE", "NULL").contains(value.toUpperCase())) {
                    throw error("TRUE, FALSE or NULL after IS");
                }
                return new Term(selector, "IS", value.toUpperCase());
            }
            for (String operator : List.of("!=", "<=", ">=", "=", "<", ">")) {
                if (accept(operator)) {
                    return new Term(selector, operator, value());
                }
            }
            throw error("an operator");
        }

        private String selector() {
            skipSpace();
            if (!text.startsWith("$", position)) {
                throw error("a selector starting with $");
            }
            StringBuilder selector = new StringBuilder("$");
            position++;
            while (position < text.length()) {
                char c = text.charAt(position);
                if (c == '.') {
                    position++;
                    String name = name();
                    selector.append('.').append(name);
                } else if (c == '[') {
                    int close = text.indexOf(']', position);
                    if (close < 0) {
                        throw error("]");
                    }
                    selector.append(text, position, close + 1);
                    position = close + 1;
                } else {
                    break;
                }
            }
            if (selector.length() == 1) {
                throw error("a field after $");
            }
            return selector.toString();
        }

        private String name() {
            int start = position;
            while (position < text.length() && (Character.isLetterOrDigit(text.charAt(position)) || text.charAt(position) == '_'
                    || text.charAt(position) == '-')) {
                position++;
            }
            if (start == position) {
                throw error("a field name");
            }
            return text.substring(start, position);
        }

        private String value() {
            skipSpace();
            if (position < text.length() && text.charAt(position) == '"') {
                StringBuilder value = new StringBuilder();
                position++;
                while (position < text.length() && text.charAt(position) != '"') {
                    if (text.charAt(position) == '\\' && position + 1 < text.length()) {
                        position++;
                    }
                    value.append(text.charAt(position++));
                }
                if (position >= text.length()) {
                    throw error("a closing quote");
                }
                position++;
                return value.toString();
            }
            int start = position;
            while (position < text.length() && !Character.isWhitespace(text.charAt(position))
                    && "&|(){}".indexOf(text.charAt(position)) < 0) {
                position++;
            }
            if (start == position) {
                throw error("a value");
            }
            return text.substring(start, position);
        }

        private String word() {
            skipSpace();
            int start = position;
            while (position < text.length() && Character.isLetter(text.charAt(position))) {
                position++;
            }
            return text.substring(start, position);
        }

        private boolean acceptWord(String keyword) {
            skipSpace();
            int end = position + keyword.length();
            if (text.regionMatches(true, position, keyword, 0, keyword.length())
                    && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
                position = end;
                return true;
            }
            return false;
        }

        private boolean accept(String token) {
            skipSpace();
            if (text.startsWith(token, position)) {
                position += token.length();
                return true;
            }
            return false;
        }

        private void expect(String token) {
            if (!accept(token)) {
                throw error("'" + token + "'");
            }
        }

        private void skipSpace() {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
        }

        private IllegalArgumentException error(String expected) {
            return new IllegalArgumentException("expected " + expected + " at " + position + " in " + text);
        }
    }
}
