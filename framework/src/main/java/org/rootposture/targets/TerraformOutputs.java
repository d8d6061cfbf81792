package org.rootposture.targets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rootposture.settings.SettingsException;

import com.fasterxml.jackson.core.JsonProcessingException;
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

    /**
     * @param roleFor the role to assume in an account given by id (none for the caller's own)
     */
    static List<Target> read(Path file, String outputName, Function<String, Optional<String>> roleFor) {
        JsonNode outputs = parse(file);
        JsonNode output = outputs.get(outputName);
        if (output == null) {
            List<String> names = new ArrayList<>();
            outputs.fieldNames().forEachRemaining(names::add);
            throw error(file, "has no output named '" + outputName + "'; its outputs are " + names);
        }
        JsonNode value = output.has("value") ? output.get("value") : output;
        List<Target> targets = new ArrayList<>();
        String where = "output '" + outputName + "'";
        if (value.isTextual()) {
            targets.add(target(file, where, value, Optional.empty(), roleFor));
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                targets.add(target(file, where + " element [" + i + "]", value.get(i), Optional.empty(), roleFor));
            }
        } else if (value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                targets.add(target(file, where + " key '" + field.getKey() + "'", field.getValue(), Optional.of(field.getKey()), roleFor));
            }
        } else {
            throw error(file, where + " is " + value.getNodeType().name().toLowerCase() + "; expected an account id, a role ARN, or a list or map of them");
        }
        return targets;
    }

    private static Target target(Path file, String where, JsonNode node, Optional<String> name, Function<String, Optional<String>> roleFor) {
        String text = node.isTextual() || node.isNumber() ? node.asText() : node.toString();
        if (ACCOUNT_ID.matcher(text).matches()) {
            return new Target(text, name, roleFor.apply(text));
        }
        Matcher arn = ROLE_ARN.matcher(text);
        if (arn.matches()) {
            return new Target(arn.group(1), name, Optional.of(text));
        }
        throw error(file, where + " is '" + text + "', neither a 12-digit account id nor an IAM role ARN");
    }

    private static JsonNode parse(Path file) {
        try {
            JsonNode root = JSON.readTree(file.toFile());
            if (root == null || !root.isObject()) {
                throw error(file, "is not the JSON object written by `terraform output -json`");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw error(file, "is not valid JSON (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                    + ": " + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw error(file, "cannot be read: " + e.getMessage());
        }
    }

    private static SettingsException error(Path file, String problem) {
        return new SettingsException("rootposture.terraform-outputs: " + file.toAbsolutePath() + " " + problem);
    }
}
