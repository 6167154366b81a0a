package dev.perfharness.sut.containers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.perfharness.sut.http.BadRequest;
import dev.perfharness.sut.http.Json;
import dev.perfharness.sut.http.JsonBodies;
import dev.perfharness.sut.images.ImageReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * What {@code POST /api/v1/containers/run} asks for: a command (exec form, e.g. {@code ["sh","-c","echo hi"]})
 * in an image (the busybox image when not given). Images are used as the engine has them: a run never pulls.
 */
public record RunRequest(String image, List<String> command) {
    static final int MAX_BODY_BYTES = 16 * 1024;
    static final int MAX_ARGUMENTS = 64;
    static final int MAX_COMMAND_CHARS = 8 * 1024;
    private static final Set<String> FIELDS = Set.of("image", "command");

    public RunRequest {
        command = List.copyOf(command);
    }

    /**
     * @throws BadRequest naming the field and the value when the body is not such a request
     */
    static RunRequest parse(String body, String defaultImage) {
        if (body.length() > MAX_BODY_BYTES) {
            throw new BadRequest("body", body.length() + " characters", "the body is above the limit of %d bytes".formatted(MAX_BODY_BYTES));
        }
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadRequest("body", JsonBodies.abbreviate(body), "the body is not JSON: " + e.getOriginalMessage());
        }
        if (json == null || !json.isObject()) {
            throw new BadRequest("body", JsonBodies.abbreviate(body), "the body must be a JSON object like {\"command\":[\"sh\",\"-c\",\"echo hi\"]}");
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new BadRequest(name, JsonBodies.abbreviate(json.get(name).toString()), "unknown field \"%s\": a run takes image and command".formatted(JsonBodies.abbreviate(name)));
            }
        }
        return new RunRequest(image(json.get("image"), defaultImage), command(json.get("command")));
    }

    private static String image(JsonNode image, String defaultImage) {
        if (image == null || image.isNull()) {
            return defaultImage;
        }
        if (!image.isTextual()) {
            throw new BadRequest("image", JsonBodies.abbreviate(image.toString()), "image must be a string, got " + JsonBodies.abbreviate(image.toString()));
        }
        String reference = image.asText();
        if (!ImageReference.isValid(reference)) {
            throw new BadRequest("image", JsonBodies.abbreviate(reference),
                    "\"%s\" is not an image reference like registry:5000/team/name:tag".formatted(JsonBodies.abbreviate(reference)));
        }
        return reference;
    }

    private static List<String> command(JsonNode command) {
        if (command == null || command.isNull()) {
            throw new BadRequest("command", null, "command is required, e.g. {\"command\":[\"sh\",\"-c\",\"echo hi\"]}");
        }
        if (!command.isArray()) {
            throw new BadRequest("command", JsonBodies.abbreviate(command.toString()),
                    "command must be an array of strings, got " + JsonBodies.abbreviate(command.toString()));
        }
        if (command.isEmpty()) {
            throw new BadRequest("command", "[]", "command must name at least the program to run");
        }
        if (command.size() > MAX_ARGUMENTS) {
            throw new BadRequest("command", command.size() + " arguments", "command has %d arguments, above the limit of %d"
                    .formatted(command.size(), MAX_ARGUMENTS));
        }
        List<String> arguments = new ArrayList<>(command.size());
        int chars = 0;
        for (int i = 0; i < command.size(); i++) {
            JsonNode argument = command.get(i);
            if (!argument.isTextual()) {
                throw new BadRequest("command[" + i + "]", JsonBodies.abbreviate(argument.toString()),
                        "command[%d] must be a string, got %s".formatted(i, JsonBodies.abbreviate(argument.toString())));
            }
            chars += argument.asText().length();
            arguments.add(argument.asText());
        }
        if (arguments.getFirst().isBlank()) {
            throw new BadRequest("command[0]", arguments.getFirst(), "command[0] must name the program to run");
        }
        if (chars > MAX_COMMAND_CHARS) {
            throw new BadRequest("command", chars + " characters", "command has %d characters, above the limit of %d"
                    .formatted(chars, MAX_COMMAND_CHARS));
        }
        return arguments;
    }
}
