package org.rootposture.internal.targets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rootposture.settings.SettingsException;
import org.rootposture.internal.settings.SyntaxErrors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads target accounts from a file written by {@code terraform output -json} or {@code tofu output -json}: the
 * named output's value may be one account id or role ARN, a list of them, or a map of name to either. Sensitive
 * outputs are read like any other (the file holds their values).
 */
final class TerraformOutputs {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}):role/[\\w+=,.@/-]+");

    private TerraformOutputs() {
    }

    /** The parsed file, with the line of every value, so that a wrong value is named by its line. */
    private record Outputs(Path file, JsonNode root, Map<JsonPointer, Integer> lines) {

        SettingsException error(JsonPointer at, String problem) {
            return new SettingsException("The Terraform outputs file " + file.toAbsolutePath()
                    + Optional.ofNullable(lines.get(at)).map(line -> " line " + line).orElse("") + ": " + problem + ".");
        }
    }

    /** The targets of the output: an account given by a role ARN carries that role, one given by its id none. */
    static List<Target> read(Path file, String outputName) {
        Outputs outputs = parse(file);
        JsonNode output = outputs.root().get(outputName);
        if (output == null) {
            List<String> names = new ArrayList<>();
            outputs.root().fieldNames().forEachRemaining(names::add);
            throw outputs.error(null, "there is no output named '" + outputName + "'; its outputs are " + names);
        }
        JsonPointer at = JsonPointer.empty().appendProperty(outputName);
        JsonNode value = output;
        if (output.has("value")) {
            value = output.get("value");
            at = at.appendProperty("value");
        }
        List<Target> targets = new ArrayList<>();
        String where = "output '" + outputName + "'";
        if (value.isTextual()) {
            targets.add(target(outputs, at, where, value, Optional.empty()));
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                targets.add(target(outputs, at.appendIndex(i), where + " element [" + i + "]", value.get(i), Optional.empty()));
            }
        } else if (value.isObject()) {
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                targets.add(target(outputs, at.appendProperty(field.getKey()), where + " key '" + field.getKey() + "'", field.getValue(),
                        Optional.of(field.getKey())));
            }
        } else {
            throw outputs.error(at, where + " is " + value.getNodeType().name().toLowerCase(Locale.ROOT)
                    + "; expected an account id, a role ARN, or a list or map of them");
        }
        return targets;
    }

    private static Target target(Outputs outputs, JsonPointer at, String where, JsonNode node, Optional<String> name) {
        String text = node.isTextual() || node.isNumber() ? node.asText() : node.toString();
        if (ACCOUNT_ID.matcher(text).matches()) {
            return new Target(text, name, Optional.empty());
        }
        Matcher arn = ROLE_ARN.matcher(text);
        if (arn.matches()) {
            return new Target(arn.group(1), name, Optional.of(text));
        }
        throw outputs.error(at, where + " is '" + text + "', neither a 12-digit account id nor an IAM role ARN");
    }

    private static Outputs parse(Path file) {
        try {
            JsonNode root = JSON.readTree(file.toFile());
            Outputs outputs = new Outputs(file, root, lines(file));
            if (root == null || !root.isObject()) {
                throw outputs.error(null, "it is not the JSON object that `terraform output -json` writes");
            }
            return outputs;
        } catch (JsonProcessingException e) {
            throw new SettingsException("The Terraform outputs file " + file.toAbsolutePath() + " is not valid JSON at "
                    + SyntaxErrors.describe(e) + "; write it with `terraform output -json > " + file.getFileName() + "`.");
        } catch (IOException e) {
            throw new SettingsException("The Terraform outputs file " + file.toAbsolutePath() + " cannot be read: " + e.getMessage());
        }
    }

    private static Map<JsonPointer, Integer> lines(Path file) throws IOException {
        Map<JsonPointer, Integer> lines = new HashMap<>();
        try (JsonParser parser = JSON.createParser(file.toFile())) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token != JsonToken.FIELD_NAME && token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY) {
                    lines.put(parser.getParsingContext().pathAsPointer(), parser.currentTokenLocation().getLineNr());
                }
            }
        }
        return lines;
    }
}
