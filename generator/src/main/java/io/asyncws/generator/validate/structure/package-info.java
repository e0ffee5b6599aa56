/**
 * Structural validation: an AsyncAPI document (2.0.0–3.1.0) checked against the official JSON
 * Schema of its version, with every error at the line and column of what is wrong.
 *
 * <p>How it fits together: {@link io.asyncws.generator.validate.structure.StructureValidator} is
 * the entry point; {@code SpecSchemas} reads the bundled schema files (see the README beside them)
 * and {@code SchemaCompiler} turns each into a graph of {@code Schema}s once; {@code Evaluator}
 * walks the document tree against that graph, {@code Alternatives} decides which branch of a
 * {@code oneOf} the author meant so only its errors are shown, and {@code Where} and
 * {@code Labels} word the messages ("unknown field 'x' in Channel 'c'").
 */
package io.asyncws.generator.validate.structure;
