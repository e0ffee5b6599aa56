package io.asyncws.generator.bind;

import com.fasterxml.jackson.databind.JsonMappingException;
import io.asyncws.generator.tree.MappingNode;
import io.asyncws.generator.tree.Node;
import io.asyncws.generator.tree.SequenceNode;
import io.asyncws.generator.tree.SourceLocation;
import java.util.List;

/** Maps the path of a Jackson binding failure back to the tree node it failed on. */
final class JsonPaths {
  private JsonPaths() {}

  /**
   * The location of the deepest tree node along {@code path}; for a field that does not exist
   * (an unknown property) the location of its key.
   */
  static SourceLocation locate(Node root, List<JsonMappingException.Reference> path) {
    Node node = root;
    SourceLocation at = root.location();
    for (JsonMappingException.Reference step : path) {
      if (node instanceof MappingNode map && step.getFieldName() != null) {
        MappingNode.Entry entry = map.entries().get(step.getFieldName());
        if (entry == null) return at;
        node = entry.value();
        // The key is where an editor should jump for a wrong field; the value starts on its line.
        at = entry.keyLocation();
      } else if (node instanceof SequenceNode seq && step.getIndex() >= 0 && step.getIndex() < seq.items().size()) {
        node = seq.items().get(step.getIndex());
        at = node.location();
      } else {
        return at;
      }
    }
    return at;
  }

  /** The path as {@code channels/lightsDim/messages}, for messages. */
  static String describe(List<JsonMappingException.Reference> path) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference step : path) {
      if (out.length() > 0) out.append('/');
      out.append(step.getFieldName() != null ? step.getFieldName() : String.valueOf(step.getIndex()));
    }
    return out.toString();
  }

  /**
   * Where the key quoted first in a library message ({@code "nullable" is not valid ...}) first
   * stands in the tree, depth first; the document's start when there is none. The library prints
   * only the tail of its path, so this is the best place to point at.
   */
  static SourceLocation locateNamedKey(Node root, String message) {
    int open = message.indexOf('"');
    int close = open < 0 ? -1 : message.indexOf('"', open + 1);
    if (close < 0) return root.location();
    SourceLocation found = findKey(root, message.substring(open + 1, close), 0);
    return found != null ? found : root.location();
  }

  private static SourceLocation findKey(Node node, String key, int depth) {
    if (depth > 256) return null;
    if (node instanceof MappingNode map) {
      MappingNode.Entry direct = map.entries().get(key);
      if (direct != null) return direct.keyLocation();
      for (MappingNode.Entry e : map.entries().values()) {
        SourceLocation found = findKey(e.value(), key, depth + 1);
        if (found != null) return found;
      }
    } else if (node instanceof SequenceNode seq) {
      for (Node item : seq.items()) {
        SourceLocation found = findKey(item, key, depth + 1);
        if (found != null) return found;
      }
    }
    return null;
  }
}
