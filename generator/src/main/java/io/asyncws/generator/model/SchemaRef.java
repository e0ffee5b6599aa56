package io.asyncws.generator.model;

/**
 * A link to a schema of a {@link SchemaGraph}, by its stable name.
 *
 * <p>Schemas point at each other through these rather than directly, so that a schema used twice
 * is one node and a circular schema is a finite graph: equality, hash code and {@code toString}
 * look at the name only and never walk the graph.
 *
 * @param name the schema's stable name, unique in its graph
 * @param graph the graph that holds it
 */
public record SchemaRef(String name, SchemaGraph graph) {

  /** The schema this link points at. */
  public SchemaModel get() {
    return graph.get(name);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SchemaRef ref && ref.name.equals(name) && ref.graph == graph;
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return "SchemaRef[" + name + "]";
  }
}
