package bkops.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON for the API layer. Reading trees and writing plain values (maps, lists, strings, numbers, trees) go through
 * jackson-core's streaming parser and generator only: an ObjectMapper costs a cold run ~300 classes and its
 * configuration (serializer and deserializer factories, type factory, introspection) before the first request, which
 * a read command like `task status` never needs. Both give exactly what the ObjectMapper gives (JsonTest compares
 * them); anything else is written by the client's ObjectMapper, built on first use.
 */
public final class Json {
    private Json() {}

    /** The streaming factory, with the ObjectMapper's defaults (and so its read constraints). */
    private static final class Streams {
        static final JsonFactory FACTORY = new JsonFactory();
    }

    /** The client's one ObjectMapper ({@link bkops.model.Json#mapper()}), for what is not written here. */
    public static ObjectMapper mapper() {
        return bkops.model.Json.mapper();
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static String write(Object value) {
        if (!Plain.is(value)) {
            try {
                return mapper().writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("cannot write JSON: " + e.getOriginalMessage(), e);
            }
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator g = Streams.FACTORY.createGenerator(out)) {
            Plain.write(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** What {@code ObjectMapper.readTree(String)} returns: MissingNode for no content, the first value otherwise. */
    public static JsonNode read(String text) throws JsonProcessingException {
        try (JsonParser p = Streams.FACTORY.createParser(text)) {
            return tree(p);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String source does not fail
        }
    }

    /** What {@code ObjectMapper.readTree(byte[])} returns. */
    public static JsonNode read(byte[] body) throws IOException {
        try (JsonParser p = Streams.FACTORY.createParser(body)) {
            return tree(p);
        }
    }

    /**
     * The tree of the parser's next value, built as jackson-databind's JsonNodeDeserializer builds it with the
     * default features: ints as int, long or BigInteger nodes by size, other numbers as doubles, a repeated key
     * keeping its first place and its last value, nothing read after the value (trailing content is not checked).
     */
    private static JsonNode tree(JsonParser p) throws IOException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        JsonToken t = p.nextToken();
        if (t == null) {
            return MissingNode.getInstance();
        }
        ArrayDeque<JsonNode> open = new ArrayDeque<>();
        String name = null;
        for (; ; t = p.nextToken()) {
            JsonNode value;
            switch (t) {
                case FIELD_NAME -> {
                    name = p.currentName();
                    continue;
                }
                case END_OBJECT, END_ARRAY -> {
                    JsonNode done = open.pop();
                    if (open.isEmpty()) {
                        return done;
                    }
                    continue;
                }
                case START_OBJECT -> value = f.objectNode();
                case START_ARRAY -> value = f.arrayNode();
                case VALUE_STRING -> value = f.textNode(p.getText());
                case VALUE_NUMBER_INT -> value = switch (p.getNumberType()) {
                    case INT -> f.numberNode(p.getIntValue());
                    case LONG -> f.numberNode(p.getLongValue());
                    default -> f.numberNode(p.getBigIntegerValue());
                };
                case VALUE_NUMBER_FLOAT -> value = f.numberNode(p.getDoubleValue());
                case VALUE_TRUE -> value = f.booleanNode(true);
                case VALUE_FALSE -> value = f.booleanNode(false);
                case VALUE_NULL -> value = f.nullNode();
                default -> value = f.pojoNode(p.getEmbeddedObject()); // not produced by a JSON text
            }
            JsonNode parent = open.peek();
            if (parent instanceof ObjectNode o) {
                o.replace(name, value);
            } else if (parent instanceof ArrayNode a) {
                a.add(value);
            } else if (!value.isContainerNode()) {
                return value; // a scalar document
            }
            if (value.isContainerNode()) {
                open.push(value);
            }
        }
    }

    /** Values the generator writes as the ObjectMapper would, without it. */
    private static final class Plain {
        static boolean is(Object v) {
            if (v == null || v instanceof String || v instanceof Boolean || v instanceof Integer || v instanceof Long
                    || v instanceof Double || v instanceof BigDecimal || v instanceof BigInteger) {
                return true;
            }
            if (v instanceof JsonNode n) {
                return node(n);
            }
            if (v instanceof Map<?, ?> m) {
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!(e.getKey() instanceof String) || !is(e.getValue())) {
                        return false;
                    }
                }
                return true;
            }
            if (v instanceof Collection<?> c) {
                for (Object o : c) {
                    if (!is(o)) {
                        return false;
                    }
                }
                return true;
            }
            return false;
        }

        private static boolean node(JsonNode n) {
            if (n.isObject() || n.isArray()) {
                for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
                    if (!node(it.next())) {
                        return false;
                    }
                }
                return true;
            }
            return n.isTextual() || n.isBoolean() || n.isNull() || n.isInt() || n.isLong() || n.isBigInteger()
                    || n.isDouble() || n.isBigDecimal();
        }

        static void write(JsonGenerator g, Object v) throws IOException {
            if (v == null) {
                g.writeNull();
            } else if (v instanceof String s) {
                g.writeString(s);
            } else if (v instanceof Boolean b) {
                g.writeBoolean(b);
            } else if (v instanceof Integer i) {
                g.writeNumber(i);
            } else if (v instanceof Long l) {
                g.writeNumber(l);
            } else if (v instanceof Double d) {
                g.writeNumber(d);
            } else if (v instanceof BigDecimal d) {
                g.writeNumber(d);
            } else if (v instanceof BigInteger i) {
                g.writeNumber(i);
            } else if (v instanceof JsonNode n) {
                node(g, n);
            } else if (v instanceof Map<?, ?> m) {
                g.writeStartObject();
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    g.writeFieldName((String) e.getKey());
                    write(g, e.getValue());
                }
                g.writeEndObject();
            } else {
                g.writeStartArray();
                for (Object o : (Collection<?>) v) {
                    write(g, o);
                }
                g.writeEndArray();
            }
        }

        private static void node(JsonGenerator g, JsonNode n) throws IOException {
            if (n.isObject()) {
                g.writeStartObject();
                for (Map.Entry<String, JsonNode> e : n.properties()) {
                    g.writeFieldName(e.getKey());
                    node(g, e.getValue());
                }
                g.writeEndObject();
            } else if (n.isArray()) {
                g.writeStartArray();
                for (JsonNode e : n) {
                    node(g, e);
                }
                g.writeEndArray();
            } else if (n.isTextual()) {
                g.writeString(n.textValue());
            } else if (n.isBoolean()) {
                g.writeBoolean(n.booleanValue());
            } else if (n.isNull()) {
                g.writeNull();
            } else if (n.isInt()) {
                g.writeNumber(n.intValue());
            } else if (n.isLong()) {
                g.writeNumber(n.longValue());
            } else if (n.isBigInteger()) {
                g.writeNumber(n.bigIntegerValue());
            } else if (n.isDouble()) {
                g.writeNumber(n.doubleValue());
            } else {
                g.writeNumber(n.decimalValue());
            }
        }
    }
}
