package io.asyncws.generator.validate.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.generator.AsyncApiReader;
import io.asyncws.generator.ReadResult;
import io.asyncws.generator.diagnostic.Diagnostic;
import io.asyncws.generator.diagnostic.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Semantic checks through the whole reader, on documents that are structurally valid, so each
 * finding comes from the semantic phase (or the linker) and is located where the user must edit.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SemanticValidatorTest {
  @TempDir Path dir;

  private List<Diagnostic> read(String yaml, Severity severity) throws IOException {
    Path file = dir.resolve("api.yaml");
    Files.writeString(file, yaml);
    ReadResult result = AsyncApiReader.read(file, AsyncApiReader.Options.defaults());
    return result.diagnostics().stream()
        .filter(d -> d.severity() == severity)
        .filter(d -> !d.message().contains("asyncapi-core"))
        .toList();
  }

  private static Diagnostic only(List<Diagnostic> diagnostics) {
    assertEquals(1, diagnostics.size(), () -> "diagnostics: " + diagnostics);
    return diagnostics.get(0);
  }

  private static void assertAt(Diagnostic d, int line, int column, String... words) {
    assertEquals(line + ":" + column, d.location().line() + ":" + d.location().column(), d::toString);
    for (String w : words) assertTrue(d.toString().contains(w), () -> "'" + w + "' missing in " + d);
  }

  @Test
  void addressParameterMissingFromParametersMapIsAnError() throws IOException {
    Diagnostic d = only(read("""
        asyncapi: 3.0.0
        info: {title: t, version: '1'}
        channels:
          room:
            address: 'rooms/{roomId}'
        """, Severity.ERROR));
    assertAt(d, 4, 3, "roomId", "parameters");
  }

  @Test
  void declaredParameterAbsentFromAddressIsAWarning() throws IOException {
    Diagnostic d = only(read("""
        asyncapi: 3.0.0
        info: {title: t, version: '1'}
        channels:
          room:
            address: rooms
            parameters:
              roomId: {description: unused}
        """, Severity.WARNING));
    assertAt(d, 7, 7, "roomId", "address");
  }

  @Test
  void v3OperationMessageOutsideItsChannelIsAnError() throws IOException {
    Diagnostic d = only(read("""
        asyncapi: 3.0.0
        info: {title: t, version: '1'}
        channels:
          a: {address: a, messages: {ma: {payload: {type: string}}}}
          b: {address: b, messages: {mb: {payload: {type: integer}}}}
        operations:
          sendA:
            action: send
            channel: {$ref: '#/channels/a'}
            messages: [{$ref: '#/channels/b/messages/mb'}]
        """, Severity.ERROR));
    assertAt(d, 8, 5, "mb", "channel 'a'");
  }

  @Test
  void replyMessageOutsideTheReplyChannelIsAnError() throws IOException {
    Diagnostic d = only(read("""
        asyncapi: 3.0.0
        info: {title: t, version: '1'}
        channels:
          a: {address: a, messages: {ma: {payload: {type: string}}}}
          b: {address: b, messages: {mb: {payload: {type: integer}}}}
        operations:
          ask:
            action: send
            channel: {$ref: '#/channels/a'}
            reply:
              channel: {$ref: '#/channels/a'}
              messages: [{$ref: '#/channels/b/messages/mb'}]
        """, Severity.ERROR));
    assertTrue(d.message().contains("reply of operation 'ask'"), d::toString);
  }

  @Test
  void duplicateOperationIdIsAnErrorAtTheSecondOperation() throws IOException {
    Diagnostic d = only(read("""
        asyncapi: 2.6.0
        info: {title: t, version: '1'}
        channels:
          a:
            publish: {operationId: same, message: {payload: {type: string}}}
          b:
            subscribe: {operationId: same, message: {payload: {type: string}}}
        """, Severity.ERROR));
    assertAt(d, 7, 16, "same", "already used", "5:14");
  }

  @Test
  void duplicateMessageIdIsAnError() throws IOException {
    Diagnostic d = only(read("""
        asyncapi: 2.4.0
        info: {title: t, version: '1'}
        channels:
          a:
            publish: {message: {messageId: dup, payload: {type: string}}}
          b:
            subscribe: {message: {messageId: dup, payload: {type: string}}}
        """, Severity.ERROR));
    assertAt(d, 7, 26, "dup", "already used", "5:24");
  }

  @Test
  void undeclaredServerVariableIsAnErrorAndUnusedOneAWarning() throws IOException {
    String yaml = """
        asyncapi: 3.0.0
        info: {title: t, version: '1'}
        servers:
          prod:
            host: '{region}.example.com'
            protocol: wss
            variables:
              stage: {default: live}
        """;
    assertAt(only(read(yaml, Severity.ERROR)), 5, 5, "region", "variables");
    assertAt(only(read(yaml, Severity.WARNING)), 8, 7, "stage");
  }

  @Test
  void serverVariableDefaultOutsideItsEnumIsAnError() throws IOException {
    Diagnostic d = only(read("""
        asyncapi: 2.6.0
        info: {title: t, version: '1'}
        servers:
          prod:
            url: 'wss://{env}.example.com'
            protocol: wss
            variables:
              env: {default: dev, enum: [live, test]}
        channels: {}
        """, Severity.ERROR));
    assertAt(d, 8, 7, "dev", "enum");
  }

  /** The spec's JSON Schema has the pattern: one error, from the structure phase, not two. */
  @Test
  void malformedCorrelationIdLocationIsReportedOnce() throws IOException {
    Diagnostic d = only(read("""
        asyncapi: 3.0.0
        info: {title: t, version: '1'}
        channels:
          c:
            address: c
            messages:
              m:
                payload: {type: object}
                correlationId: {location: '$message.body#/id'}
        """, Severity.ERROR));
    assertAt(d, 9, 35, "$message.body#/id");
  }

  @Test
  void v2SecurityRequirementNamingNoSchemeIsAnError() throws IOException {
    Diagnostic d = only(read("""
        asyncapi: 2.6.0
        info: {title: t, version: '1'}
        servers:
          prod: {url: 'wss://example.com', protocol: wss, security: [{missing: []}]}
        channels: {}
        components:
          securitySchemes:
            tok: {type: httpApiKey, in: query, name: token}
        """, Severity.ERROR));
    assertAt(d, 4, 63, "missing", "tok");
  }

  @Test
  void v3OperationChannelOutsideRootChannelsIsAnError() throws IOException {
    Diagnostic d = only(read("""
        asyncapi: 3.0.0
        info: {title: t, version: '1'}
        channels:
          a: {address: a}
        operations:
          op:
            action: send
            channel: {$ref: '#/components/channels/elsewhere'}
        components:
          channels:
            elsewhere: {address: e}
        """, Severity.ERROR));
    assertAt(d, 8, 14, "root 'channels'");
  }

  @Test
  void danglingRefIsReportedAtTheRefAndTheRestIsStillChecked() throws IOException {
    List<Diagnostic> errors = read("""
        asyncapi: 3.0.0
        info: {title: t, version: '1'}
        channels:
          a:
            address: 'a/{id}'
            messages: {m: {$ref: '#/components/messages/nope'}}
        """, Severity.ERROR);
    assertEquals(2, errors.size(), () -> "errors: " + errors);
    assertTrue(errors.stream().anyMatch(d -> d.location().line() == 6 && d.message().contains("nope")), errors::toString);
    assertTrue(errors.stream().anyMatch(d -> d.location().line() == 4 && d.message().contains("{id}")), errors::toString);
  }

  @Test
  void v2ChannelLimitedToAnUndeclaredServerIsAnError() throws IOException {
    Diagnostic d = only(read("""
        asyncapi: 2.6.0
        info: {title: t, version: '1'}
        servers:
          prod: {url: 'wss://example.com', protocol: wss}
        channels:
          a:
            servers: [staging]
            publish: {message: {payload: {type: string}}}
        """, Severity.ERROR));
    assertAt(d, 6, 3, "staging", "prod");
  }

  @Test
  void v3ChannelServerOutsideRootServersIsAnError() throws IOException {
    Diagnostic d = only(read("""
        asyncapi: 3.0.0
        info: {title: t, version: '1'}
        servers:
          prod: {host: example.com, protocol: wss}
        channels:
          a:
            address: a
            servers: [{$ref: '#/components/servers/other'}]
        components:
          servers:
            other: {host: other.example.com, protocol: wss}
        """, Severity.ERROR));
    assertAt(d, 8, 15, "root 'servers'");
  }
}
