package io.hostk8s.voting.worker;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;

/** One ballot as the vote service pushes it: {@code {"voter_id":"…","vote":"a"}}. */
public record Vote(String voterId, String vote) {

  /** The widths of the {@code votes} table's columns. */
  static final int MAX_LENGTH = 255;

  /**
   * Parses one queue item strictly.
   *
   * @throws MalformedVoteException when the item is not a JSON object with non-empty string fields
   *     {@code voter_id} and {@code vote} of at most 255 characters
   */
  public static Vote parse(String json) throws MalformedVoteException {
    JsonObject object = readObject(json);
    return new Vote(field(object, "voter_id"), field(object, "vote"));
  }

  private static JsonObject readObject(String json) throws MalformedVoteException {
    try (JsonReader reader = new JsonReader(new StringReader(json))) {
      reader.setStrictness(Strictness.STRICT);
      JsonElement element = JsonParser.parseReader(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw new MalformedVoteException("trailing data after the JSON value");
      }
      if (!element.isJsonObject()) {
        throw new MalformedVoteException("not a JSON object");
      }
      return element.getAsJsonObject();
    } catch (JsonParseException | IOException | IllegalStateException e) {
      throw new MalformedVoteException("not valid JSON: " + e.getMessage());
    }
  }

  private static String field(JsonObject object, String name) throws MalformedVoteException {
    JsonElement value = object.get(name);
    if (value == null || !value.isJsonPrimitive() || !((JsonPrimitive) value).isString()) {
      throw new MalformedVoteException("'" + name + "' is missing or not a string");
    }
    String text = value.getAsString();
    if (text.isEmpty() || text.length() > MAX_LENGTH) {
      throw new MalformedVoteException("'" + name + "' must have 1 to " + MAX_LENGTH + " characters");
    }
    return text;
  }
}
