package io.asyncws.generator.validate.structure;

import io.asyncws.generator.tree.SourceLocation;

/**
 * Where the evaluator stands while walking a document, in the words a message needs: the nearest
 * named object ({@code Channel 'c'}), the field path from it ({@code bindings.kafka.key}), the kind
 * of the current node if a definition named it, and the key's own position.
 *
 * @param anchor the nearest object with a user-chosen name, e.g. {@code Message 'costingResponse'}
 * @param path the fields from the anchor to this node, empty when this node is the anchor
 * @param kind the kind a definition gave this node ("Kafka message binding 0.5.0"), or null
 * @param key this node's key in its parent, or null for array items and the root
 * @param userNamed whether {@code key} is a name the user chose (a map entry) rather than a fixed field
 * @param keyLocation where the key stands, or the item's own position; null for the root
 * @param depth how many steps below the node the evaluation started at
 * @param note a remark that explains messages below this point (why a binding version applies), or null
 */
record Where(
    String anchor,
    String path,
    String kind,
    String key,
    boolean userNamed,
    SourceLocation keyLocation,
    int depth,
    String note) {

  static final String DOCUMENT = "the AsyncAPI document";
  /** Deeper paths are shortened in messages; real documents rarely nest a field path deeper. */
  private static final int MAX_PATH_PARTS = 8;

  static Where root() {
    return new Where(DOCUMENT, "", null, null, false, null, 0, null);
  }

  /** The value under {@code name}; {@code userNamed} for map entries rather than fixed fields. */
  Where field(String name, SourceLocation at, boolean userNamed) {
    String p = path.isEmpty() ? name : path + "." + name;
    return new Where(anchor, p, null, name, userNamed, at, depth + 1, note);
  }

  /** The item at {@code index} of an array. */
  Where item(int index, SourceLocation at) {
    return new Where(anchor, path + "[" + index + "]", null, null, false, at, depth + 1, note);
  }

  /** This node seen as a {@code kind} object: a user-named one becomes the new anchor. */
  Where entering(String kindName) {
    if (kindName == null) return this;
    if (userNamed && key != null && !path.isEmpty()) {
      return new Where(kindName + " '" + key + "'", "", kindName, key, true, keyLocation, depth, note);
    }
    if (key != null && path.equals(key) && kindName.replace(" ", "").equalsIgnoreCase(key)) {
      // 'info' under the document is "Info": a fixed field whose kind says its name.
      String named = anchor.equals(DOCUMENT) ? kindName : kindName + " of " + anchor;
      return new Where(named, "", kindName, key, false, keyLocation, depth, note);
    }
    return new Where(anchor, path, kindName, key, userNamed, keyLocation, depth, note);
  }

  /** The same place with a remark for the messages below it. */
  Where withNote(String remark) {
    return new Where(anchor, path, kind, key, userNamed, keyLocation, depth, remark);
  }

  /**
   * The object a {@code $ref} points at, named by the ref's last token ({@code
   * #/components/messages/book} → 'book'), so that it is described the same way as when it is
   * checked in place under {@code components}, and errors point into the target.
   */
  Where at(String targetKey, SourceLocation targetLocation) {
    return new Where(anchor, path, kind, targetKey, true, targetLocation, depth, note);
  }

  /** This node as a message names a value: {@code 'servers' in Channel 'c'}. */
  String value() {
    return path.isEmpty() ? anchor : "'" + shortPath() + "' in " + anchor;
  }

  /**
   * The path, with the middle of a very deep one left out ({@code payload.items...items.type}):
   * the position already says exactly where, the words only need to say roughly.
   */
  private String shortPath() {
    String[] parts = path.split("\\.");
    if (parts.length <= MAX_PATH_PARTS) return path;
    return String.join(".", java.util.Arrays.copyOfRange(parts, 0, 2)) + "..."
        + String.join(".", java.util.Arrays.copyOfRange(parts, parts.length - 3, parts.length));
  }

  /**
   * This node as a message names an object: {@code Info}, {@code Channel 'c'},
   * {@code Kafka message binding 0.5.0 'bindings.kafka' in Message 'm'}.
   */
  String object() {
    if (path.isEmpty()) return anchor;
    if (kind == null) return value();
    // "Info", not "Info 'info'": the field's own name adds nothing when the kind says it.
    boolean nameSaysIt = key != null && kind.replace(" ", "").equalsIgnoreCase(key) && !path.contains(".");
    String named = nameSaysIt ? kind : kind + " '" + shortPath() + "'";
    return anchor.equals(DOCUMENT) ? named : named + " in " + anchor;
  }
}
