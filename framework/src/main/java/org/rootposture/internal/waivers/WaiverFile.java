package org.rootposture.internal.waivers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.rootposture.settings.SettingsException;
import org.rootposture.internal.settings.SyntaxErrors;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads an accepted-risk file, YAML or JSON (by its {@code .json} extension), and checks every waiver. Every
 * mistake is a {@link SettingsException} naming the file and the line.
 */
final class WaiverFile {

    static final List<String> FIELDS = List.of("control", "account", "justification", "approver", "expires");

    private static final Pattern CONTROL_ID = Pattern.compile("[a-z0-9][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)+");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    private final Path file;
    private final Set<String> builtInIds;
    private final Set<String> builtInNamespaces = new TreeSet<>();

    WaiverFile(Path file, Set<String> builtInIds) {
        this.file = file;
        this.builtInIds = new TreeSet<>(builtInIds);
        builtInIds.forEach(id -> builtInNamespaces.add(id.substring(0, id.indexOf('.') + 1)));
    }

    private record Field(String value, int line) {
    }

    List<Waiver> read() {
        if (!Files.isRegularFile(file)) {
            throw error(0, "the file does not exist");
        }
        JsonFactory factory = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                ? new JsonFactory() : new YAMLFactory();
        try (JsonParser parser = factory.createParser(file.toFile())) {
            List<Waiver> waivers = new ArrayList<>();
            JsonToken first = parser.nextToken();
            boolean wrapped = first == JsonToken.START_OBJECT;
            if (first == null || wrapped && !waiversList(parser)) {
                return waivers;
            }
            if (!wrapped && first != JsonToken.START_ARRAY) {
                throw error(line(parser), "expected a list of waivers, or 'waivers:' followed by one");
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                waivers.add(waiver(parser));
            }
            if (wrapped && parser.nextToken() != JsonToken.END_OBJECT) {
                throw error(line(parser), "unexpected '" + parser.currentName() + "' after the waivers; the file holds only 'waivers:'");
            }
            checkDuplicates(waivers);
            return waivers;
        } catch (JsonProcessingException e) {
            throw new SettingsException("The waiver file " + file.toAbsolutePath() + " is not valid " + (factory instanceof YAMLFactory ? "YAML" : "JSON")
                    + " at " + SyntaxErrors.describe(e) + ".");
        } catch (IOException e) {
            throw error(0, "cannot be read: " + e.getMessage());
        }
    }

    private boolean waiversList(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.FIELD_NAME || !"waivers".equals(parser.currentName())) {
            throw error(line(parser), "expected 'waivers:' at the top, followed by a list of waivers");
        }
        int line = line(parser);
        JsonToken list = parser.nextToken();
        if (list == JsonToken.VALUE_NULL) {
            return false;
        }
        if (list != JsonToken.START_ARRAY) {
            throw error(line, "'waivers' must be a list of waivers");
        }
        return true;
    }

    private Waiver waiver(JsonParser parser) throws IOException {
        int start = line(parser);
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw error(start, "a waiver must be a mapping with the fields " + FIELDS);
        }
        Map<String, Field> fields = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            int line = line(parser);
            if (!FIELDS.contains(name)) {
                throw error(line, "unknown field '" + name + "'; a waiver has the fields " + FIELDS);
            }
            if (fields.containsKey(name)) {
                throw error(line, "'" + name + "' is given twice in the waiver starting on line " + start);
            }
            JsonToken value = parser.nextToken();
            if (!value.isScalarValue()) {
                throw error(line, "'" + name + "' must be a single value, not a " + (value == JsonToken.START_ARRAY ? "list" : "mapping"));
            }
            fields.put(name, new Field(value == JsonToken.VALUE_NULL ? "" : parser.getText().strip(), line));
        }
        return check(fields, start);
    }

    private Waiver check(Map<String, Field> fields, int start) {
        Map<String, Field> given = new LinkedHashMap<>(fields);
        given.values().removeIf(field -> field.value().isEmpty());
        String control = given.containsKey("control") ? control(given.get("control")) : null;
        String account = given.containsKey("account") ? account(given.get("account")) : null;
        LocalDate expires = given.containsKey("expires") ? expires(given.get("expires")) : null;
        for (String name : FIELDS) {
            if (!given.containsKey(name)) {
                throw error(fields.containsKey(name) ? fields.get(name).line() : start, "the waiver starting on line " + start
                        + " has no " + name + "; every waiver needs " + String.join(", ", FIELDS));
            }
        }
        return new Waiver(control, account, given.get("justification").value(), given.get("approver").value(), expires, start);
    }

    private String control(Field field) {
        String id = field.value();
        if (!CONTROL_ID.matcher(id).matches()) {
            throw error(field.line(), "'" + id + "' is not a control id (lower-case words joined by dots, such as root.mfa.hardware)");
        }
        boolean builtInNamespace = builtInNamespaces.stream().anyMatch(id::startsWith);
        if (builtInNamespace && !builtInIds.contains(id)) {
            throw error(field.line(), "unknown control '" + id + "'; the built-in controls are " + String.join(", ", builtInIds));
        }
        return id;
    }

    private String account(Field field) {
        String account = field.value();
        if (!account.equals(Waiver.ANY_ACCOUNT) && !ACCOUNT_ID.matcher(account).matches()) {
            throw error(field.line(), "account '" + account + "' is neither a 12-digit account id nor " + Waiver.ANY_ACCOUNT
                    + " (write account ids in quotes, such as \"012345678901\")");
        }
        return account;
    }

    private LocalDate expires(Field field) {
        try {
            return LocalDate.parse(field.value());
        } catch (DateTimeParseException e) {
            throw error(field.line(), "expires '" + field.value() + "' is not an ISO date such as 2027-03-31");
        }
    }

    private void checkDuplicates(List<Waiver> waivers) {
        for (int i = 0; i < waivers.size(); i++) {
            for (int j = 0; j < i; j++) {
                Waiver a = waivers.get(j);
                Waiver b = waivers.get(i);
                if (a.control().equals(b.control()) && a.account().equals(b.account())) {
                    throw error(b.line(), "waives " + b.control() + " for " + b.account() + " again (first on line " + a.line() + ")");
                }
            }
        }
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }

    private SettingsException error(int line, String problem) {
        return new SettingsException("The waiver file " + file.toAbsolutePath() + (line > 0 ? " line " + line : "") + ": " + problem + ".");
    }
}
