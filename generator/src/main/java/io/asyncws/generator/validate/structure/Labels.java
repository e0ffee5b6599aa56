package io.asyncws.generator.validate.structure;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words a user knows for the specification's definitions: {@code channelItem} and
 * {@code channel} are both a "Channel", {@code bindings-kafka-0.5.0-message} is a
 * "Kafka message binding 0.5.0". Definitions without a name here (maps such as {@code channels},
 * helper shapes such as {@code ReferenceObject}) do not change how a place is described.
 */
final class Labels {
  private static final Map<String, String> KINDS = Map.ofEntries(
      Map.entry("info", "Info"),
      Map.entry("contact", "Contact"),
      Map.entry("license", "License"),
      Map.entry("server", "Server"),
      Map.entry("serverVariable", "Server variable"),
      Map.entry("channelItem", "Channel"),
      Map.entry("channel", "Channel"),
      Map.entry("operation", "Operation"),
      Map.entry("operationTrait", "Operation trait"),
      Map.entry("operationReply", "Operation reply"),
      Map.entry("operationReplyAddress", "Operation reply address"),
      Map.entry("message", "Message"),
      Map.entry("messageObject", "Message"),
      Map.entry("messageTrait", "Message trait"),
      Map.entry("messageExampleObject", "Message example"),
      Map.entry("parameter", "Parameter"),
      Map.entry("components", "Components"),
      Map.entry("tag", "Tag"),
      Map.entry("externalDocs", "External documentation"),
      Map.entry("correlationId", "Correlation ID"),
      Map.entry("SecurityScheme", "Security scheme"),
      // Despite its name, this definition is the whole OAuth2 security scheme (type: oauth2).
      Map.entry("oauth2Flows", "Security scheme"),
      Map.entry("oauth2Flow", "OAuth2 flow"),
      Map.entry("schema", "Schema"),
      // The draft-07 meta-schema and AsyncAPI's additions check the same Schema: one name for both.
      Map.entry("json-schema-draft-07-schema", "Schema"),
      Map.entry("openapiSchema_3_0", "OpenAPI schema"),
      Map.entry("avroSchema_v1", "Avro schema"),
      Map.entry("multiFormatSchema", "Schema"),
      Map.entry("bindingsObject", "Bindings"),
      Map.entry("serverBindingsObject", "Server bindings"),
      Map.entry("channelBindingsObject", "Channel bindings"),
      Map.entry("operationBindingsObject", "Operation bindings"),
      Map.entry("messageBindingsObject", "Message bindings"));

  private static final Map<String, String> PROTOCOLS = Map.ofEntries(
      Map.entry("websockets", "WebSocket"),
      Map.entry("http", "HTTP"),
      Map.entry("amqp", "AMQP"),
      Map.entry("mqtt", "MQTT"),
      Map.entry("kafka", "Kafka"),
      Map.entry("jms", "JMS"),
      Map.entry("sns", "SNS"),
      Map.entry("sqs", "SQS"),
      Map.entry("ibmmq", "IBM MQ"),
      Map.entry("nats", "NATS"),
      Map.entry("googlepubsub", "Google Pub/Sub"),
      Map.entry("anypointmq", "Anypoint MQ"),
      Map.entry("ros2", "ROS 2"));

  /** {@code bindings-kafka-0.5.0-message}: protocol, binding version, object kind. */
  private static final Pattern BINDING = Pattern.compile("bindings-([a-z0-9]+)-(\\d+\\.\\d+\\.\\d+)-([a-z]+)");

  private Labels() {}

  /** The user's word for a definition, or null when it names no kind of object. */
  static String kind(String definitionName) {
    if (definitionName == null) return null;
    String known = KINDS.get(definitionName);
    if (known != null) return known;
    Matcher m = BINDING.matcher(definitionName);
    if (m.matches()) {
      String protocol = PROTOCOLS.getOrDefault(m.group(1), capitalise(m.group(1)));
      return protocol + " " + m.group(3) + " binding " + m.group(2);
    }
    if (definitionName.endsWith("SecurityScheme")) return "Security scheme";
    return null;
  }

  /** The binding version a {@code bindings-PROTOCOL-VERSION-KIND} definition describes, or null. */
  static String bindingVersion(String definitionName) {
    if (definitionName == null) return null;
    Matcher m = BINDING.matcher(definitionName);
    return m.matches() ? m.group(2) : null;
  }

  private static String capitalise(String word) {
    return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
  }
}
