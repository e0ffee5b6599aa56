package io.asyncws.generator.model;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Every schema of a document by stable name: the one place schemas live, so that shared and
 * circular schemas need no direct recursion between records.
 *
 * <p>The linker hands out {@link SchemaRef}s while it is still building the schemas they point to
 * (that is how cycles close), then {@link #freeze() freezes} the graph; after that it never
 * changes and is safe to share between threads.
 */
public final class SchemaGraph {
  private final Map<String, SchemaModel> byName = new LinkedHashMap<>();
  private boolean frozen;

  /** A link to the schema named {@code name}, which may not be added yet. */
  public SchemaRef ref(String name) {
    return new SchemaRef(name, this);
  }

  /** Whether a schema has this name (or it is reserved by {@link #reserve}). */
  public synchronized boolean contains(String name) {
    return byName.containsKey(name);
  }

  /**
   * Reserves a name for a schema about to be built, so that a schema built meanwhile (a cycle)
   * cannot take it.
   */
  public synchronized void reserve(String name) {
    requireOpen();
    if (byName.containsKey(name)) throw new IllegalStateException("schema name taken: " + name);
    byName.put(name, null);
  }

  /** Adds the schema under its name (reserved or not). */
  public synchronized void put(SchemaModel schema) {
    requireOpen();
    if (byName.get(schema.name()) != null) {
      throw new IllegalStateException("schema name taken: " + schema.name());
    }
    byName.put(schema.name(), schema);
  }

  /** Ends building: from now on the graph is read-only. Every reserved name must be filled. */
  public synchronized SchemaGraph freeze() {
    byName.values().removeIf(s -> s == null);
    frozen = true;
    return this;
  }

  /** The schema named {@code name}. */
  public synchronized SchemaModel get(String name) {
    SchemaModel schema = byName.get(name);
    if (schema == null) throw new NoSuchElementException("no schema named " + name);
    return schema;
  }

  /** Every schema, in the order the linker met them (deterministic for a given document). */
  public synchronized Collection<SchemaModel> all() {
    return Collections.unmodifiableCollection(new java.util.ArrayList<>(byName.values()));
  }

  /** How many schemas the graph holds. */
  public synchronized int size() {
    return byName.size();
  }

  private void requireOpen() {
    if (frozen) throw new IllegalStateException("the schema graph is frozen");
  }

  @Override
  public String toString() {
    return "SchemaGraph" + byName.keySet();
  }
}
