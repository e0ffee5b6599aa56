package io.asyncws.generator.emit.api;

import com.palantir.javapoet.ClassName;

/** The classes generated code refers to, declared once. */
final class ApiTypes {
  private ApiTypes() {}

  private static final String RUNTIME = "io.asyncws.runtime";
  private static final String CONTRACT = "io.asyncws.runtime.contract";
  private static final String JACKSON = "com.fasterxml.jackson.databind";

  static final ClassName WEB_SOCKET = ClassName.get(RUNTIME, "WebSocket");
  static final ClassName WEB_SOCKET_LISTENER = ClassName.get(RUNTIME, "WebSocketListener");
  static final ClassName WEB_SOCKET_CLIENT = ClassName.get(RUNTIME, "WebSocketClient");
  static final ClassName WEB_SOCKET_SERVER = ClassName.get(RUNTIME, "WebSocketServer");
  static final ClassName WEB_SOCKET_CONFIG = ClassName.get(RUNTIME, "WebSocketConfig");
  static final ClassName CONNECT_REQUEST = ClassName.get(RUNTIME, "ConnectRequest");
  static final ClassName HANDSHAKE_REQUEST = ClassName.get(RUNTIME, "HandshakeRequest");
  static final ClassName UPGRADE = ClassName.get(RUNTIME, "Upgrade");
  static final ClassName MESSAGE_EVENT = ClassName.get(RUNTIME, "MessageEvent");
  static final ClassName CLOSE_EVENT = ClassName.get(RUNTIME, "CloseEvent");
  static final ClassName READY_STATE = ClassName.get(RUNTIME, "ReadyState");

  static final ClassName ADDRESS_TEMPLATE = ClassName.get(CONTRACT, "AddressTemplate");
  static final ClassName URI_TEXT = ClassName.get(CONTRACT, "UriText");
  static final ClassName PENDING_REPLIES = ClassName.get(CONTRACT, "PendingReplies");
  static final ClassName CLIENT_OPTIONS = ClassName.get(CONTRACT, "ClientOptions");
  static final ClassName SERVER_OPTIONS = ClassName.get(CONTRACT, "ServerOptions");
  static final ClassName CONTRACT_VIOLATION = ClassName.get(CONTRACT, "ContractViolation");
  static final ClassName VIOLATION_KIND = CONTRACT_VIOLATION.nestedClass("Kind");

  static final ClassName OBJECT_MAPPER = ClassName.get(JACKSON, "ObjectMapper");
  static final ClassName JSON_MAPPER = ClassName.get(JACKSON + ".json", "JsonMapper");
  static final ClassName JSON_NODE = ClassName.get(JACKSON, "JsonNode");
  static final ClassName OBJECT_NODE = ClassName.get(JACKSON + ".node", "ObjectNode");
  static final ClassName DESERIALIZATION_FEATURE = ClassName.get(JACKSON, "DeserializationFeature");
  static final ClassName JSON_INCLUDE = ClassName.get("com.fasterxml.jackson.annotation", "JsonInclude");
  static final ClassName JSON_POINTER = ClassName.get("com.fasterxml.jackson.core", "JsonPointer");
  static final ClassName JSON_PROCESSING_EXCEPTION =
      ClassName.get("com.fasterxml.jackson.core", "JsonProcessingException");
  static final ClassName TYPE_REFERENCE = ClassName.get("com.fasterxml.jackson.core.type", "TypeReference");

  static final ClassName URI = ClassName.get("java.net", "URI");
  static final ClassName INET_SOCKET_ADDRESS = ClassName.get("java.net", "InetSocketAddress");
  static final ClassName COMPLETABLE_FUTURE = ClassName.get("java.util.concurrent", "CompletableFuture");
  static final ClassName ATOMIC_LONG = ClassName.get("java.util.concurrent.atomic", "AtomicLong");
  static final ClassName CONCURRENT_HASH_MAP = ClassName.get("java.util.concurrent", "ConcurrentHashMap");
  static final ClassName LINKED_HASH_MAP = ClassName.get("java.util", "LinkedHashMap");
  static final ClassName MAP = ClassName.get("java.util", "Map");
  static final ClassName SET = ClassName.get("java.util", "Set");
  static final ClassName OBJECTS = ClassName.get("java.util", "Objects");
  static final ClassName SYSTEM_LOGGER = ClassName.get("java.lang", "System", "Logger");
  static final ClassName STANDARD_CHARSETS = ClassName.get("java.nio.charset", "StandardCharsets");
}
