package io.asyncws.generator.validate.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.generator.diagnostic.Diagnostic;
import io.asyncws.generator.tree.Node;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Small documents written for one behaviour each: versions, leniency, alternatives, cycles. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StructureValidatorTest {
  private final TestDocuments docs = new TestDocuments();

  private List<Diagnostic> validate(String yaml) {
    Node root = docs.parse("asyncapi.yaml", yaml);
    return docs.validate(root);
  }

  private static Diagnostic only(List<Diagnostic> found) {
    assertEquals(1, found.size(), () -> "expected one error, got: " + found);
    return found.get(0);
  }

  @Test
  void unsupportedVersionIsOneErrorAtTheAsyncapiField() {
    Diagnostic d = only(validate("asyncapi: 2.7.0\ninfo: {title: t, version: '1'}\nchannels: {}\n"));
    assertEquals("1:11", d.location().line() + ":" + d.location().column());
    assertEquals("AsyncAPI version '2.7.0' is not supported; supported: 2.0.0, 2.1.0, 2.2.0, 2.3.0, 2.4.0,"
        + " 2.5.0, 2.6.0, 3.0.0, 3.1.0", d.message());
  }

  @Test
  void versionWithoutPatchSuggestsTheFullVersion() {
    Diagnostic d = only(validate("asyncapi: '3.0'\ninfo: {title: t, version: '1'}\n"));
    assertEquals("did you mean '3.0.0'?", d.hint());
  }

  @Test
  void missingAsyncapiFieldIsOneErrorAtTheDocumentStart() {
    Diagnostic d = only(validate("info: {title: t, version: '1'}\n"));
    assertEquals("1:1", d.location().line() + ":" + d.location().column());
    assertTrue(d.message().contains("no 'asyncapi' field"), d::toString);
  }

  @Test
  void everySupportedVersionAcceptsAMinimalDocument() {
    for (String version : StructureValidator.supportedVersions()) {
      String body = version.startsWith("2.") ? "channels: {}\n" : "";
      assertEquals(List.of(), validate("asyncapi: " + version + "\ninfo: {title: t, version: '1'}\n" + body), version);
    }
  }

  @Test
  void version2RequiresChannels() {
    Diagnostic d = only(validate("asyncapi: 2.6.0\ninfo: {title: t, version: '1'}\n"));
    assertEquals("The AsyncAPI document is missing the required field 'channels'", d.message());
  }

  @Test
  void securitySchemeIsJudgedByItsTypeNotByTheFirstAlternative() {
    List<Diagnostic> found = validate("""
        asyncapi: 3.0.0
        info: {title: t, version: '1'}
        components:
          securitySchemes:
            key: {type: httpApiKey, in: query, nam: token}
        """);
    // From the httpApiKey alternative, none from userPassword, apiKey, X509, ...; and "missing
    // 'name'" is folded into the typo's suggestion.
    Diagnostic d = only(found);
    assertEquals("5:40", d.location().line() + ":" + d.location().column());
    assertTrue(d.message().startsWith("unknown field 'nam' in Security scheme 'key' (allowed: type, name, in,"), d::toString);
    assertEquals("did you mean 'name'?", d.hint());
  }

  @Test
  void misspeltRequiredFieldIsOneErrorWithSuggestionNotAlsoAMissingField() {
    Diagnostic d = only(validate("""
        asyncapi: 3.0.0
        info: {title: t, vresion: '1'}
        """));
    assertEquals("2:18", d.location().line() + ":" + d.location().column());
    assertEquals("did you mean 'version'?", d.hint());
  }

  @Test
  void misspeltSecuritySchemeTypeSuggestsTheRightOne() {
    Diagnostic d = only(validate("""
        asyncapi: 3.0.0
        info: {title: t, version: '1'}
        components:
          securitySchemes:
            basic: {type: userPasword}
        """));
    assertEquals("5:19", d.location().line() + ":" + d.location().column());
    assertTrue(d.message().startsWith("'type' in Security scheme 'basic' must be one of"), d::toString);
    assertEquals("did you mean 'userPassword'?", d.hint());
  }

  @Test
  void schemaKeywordsFromOutsideTheDialectAreAccepted() {
    assertEquals(List.of(), validate("""
        asyncapi: 3.0.0
        info: {title: t, version: '1'}
        components:
          schemas:
            a: {type: object, nullable: true, summary: s, $defs: {b: {type: string}}, x-anything: 1}
        """));
  }

  @Test
  void schemaWithWrongKeywordTypeIsReported() {
    Diagnostic d = only(validate("""
        asyncapi: 3.0.0
        info: {title: t, version: '1'}
        components:
          schemas:
            a: {type: object, required: yes}
        """));
    assertEquals("5:33", d.location().line() + ":" + d.location().column());
    assertTrue(d.message().startsWith("'required' in Schema 'a' must be an array"), d::toString);
  }

  @Test
  void avroPayloadIsNotCheckedAsJsonSchema() {
    assertEquals(List.of(), validate("""
        asyncapi: 3.0.0
        info: {title: t, version: '1'}
        components:
          messages:
            m:
              payload:
                schemaFormat: application/vnd.apache.avro;version=1.9.0
                schema: {type: record, name: User, fields: [{name: id, type: long}]}
        """));
  }

  @Test
  void circularMessageReferencesTerminate() {
    List<Diagnostic> found = validate("""
        asyncapi: 3.0.0
        info: {title: t, version: '1'}
        components:
          messages:
            a: {$ref: '#/components/messages/b'}
            b: {$ref: '#/components/messages/a'}
        """);
    assertEquals(List.of(), found);
  }

  @Test
  void referencedMessageIsCheckedOnceAtItsOwnPosition() {
    List<Diagnostic> found = validate("""
        asyncapi: 3.0.0
        info: {title: t, version: '1'}
        channels:
          one: {messages: {m: {$ref: '#/components/messages/m'}}}
          two: {messages: {m: {$ref: '#/components/messages/m'}}}
        components:
          messages:
            m: {payload: {type: string}, contentTyp: application/json}
        """);
    Diagnostic d = only(found);
    assertEquals("8:34", d.location().line() + ":" + d.location().column());
    assertEquals("did you mean 'contentType'?", d.hint());
  }

  @Test
  void webSocketBindingIsCheckedInVersion2Too() {
    Diagnostic d = only(validate("""
        asyncapi: 2.4.0
        info: {title: t, version: '1'}
        channels:
          /:
            bindings: {ws: {methd: GET}}
        """));
    assertEquals("5:21", d.location().line() + ":" + d.location().column());
    assertTrue(d.message().contains("in WebSocket channel binding 0.1.0"), d::toString);
    assertEquals("did you mean 'method'?", d.hint());
  }

  @Test
  void webSocketMethodOutsideItsEnumIsReported() {
    Diagnostic d = only(validate("""
        asyncapi: 3.1.0
        info: {title: t, version: '1'}
        channels:
          c:
            bindings: {ws: {method: PUT}}
        """));
    assertEquals("5:29", d.location().line() + ":" + d.location().column());
    assertTrue(d.message().contains("must be one of 'GET', 'POST', not 'PUT'"), d::toString);
  }

  @Test
  void otherVersion2BindingsStayUnchecked() {
    assertEquals(List.of(), validate("""
        asyncapi: 2.6.0
        info: {title: t, version: '1'}
        channels:
          c:
            bindings: {http: {type: request, method: GET}, custom: {anything: 1}}
        """));
  }

  @Test
  void scalarWhereAnObjectBelongsNamesTheExpectedType() {
    Diagnostic d = only(validate("""
        asyncapi: 3.0.0
        info: {title: t, version: '1'}
        channels:
          c: just-a-string
        """));
    assertEquals("4:6", d.location().line() + ":" + d.location().column());
    assertEquals("'channels.c' in the AsyncAPI document must be an object, not a string", d.message());
  }

  @Test
  void extensionFieldsAreAllowedEverywhereTheSpecSaysSo() {
    assertEquals(List.of(), validate("""
        asyncapi: 3.0.0
        x-top: 1
        info: {title: t, version: '1', x-info: {a: b}}
        channels:
          c: {address: c, x-ch: [1, 2]}
        """));
  }
}
