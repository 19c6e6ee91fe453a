package org.qunbei.system;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.qunbei.shared.InvalidInputException;
import org.qunbei.shared.Violations;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a JSON body into a record field by field, so that a body with several values of the wrong
 * type is refused once, naming every one of them (Jackson alone stops at the first). Properties the
 * record does not have are ignored: a client may send back what it read, server-owned fields
 * included, and they change nothing.
 */
@Component
public class JsonBodies {

  private final JsonMapper mapper;

  JsonBodies(JsonMapper mapper) {
    this.mapper = mapper;
  }

  public <T extends Record> T read(JsonNode body, Class<T> type) {
    var v = new Violations();
    if (body == null || !body.isObject()) {
      throw InvalidInputException.of("", "json.notObject");
    }
    Object value = value(body, type, "", v);
    v.throwIfAny();
    return type.cast(value);
  }

  private Object value(JsonNode node, Type type, String path, Violations v) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    Class<?> raw = raw(type);
    if (raw.isRecord()) {
      return node.isObject() ? record(node, raw, path, v) : wrong(v, path, raw, node);
    }
    if (Collection.class.isAssignableFrom(raw)) {
      if (!node.isArray()) {
        return wrong(v, path, raw, node);
      }
      Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
      Collection<Object> out =
          Set.class.isAssignableFrom(raw) ? new LinkedHashSet<>() : new ArrayList<>();
      for (int i = 0; i < node.size(); i++) {
        out.add(value(node.get(i), element, path + "[" + i + "]", v));
      }
      return out;
    }
    if (raw == String.class && (node.isObject() || node.isArray())) {
      return wrong(v, path, raw, node);
    }
    if (raw == String.class && node.isString()) {
      return text(node.asString(), path, v);
    }
    try {
      return mapper.treeToValue(node, raw);
    } catch (JacksonException e) {
      return wrong(v, path, raw, node);
    }
  }

  /**
   * Text as it is stored: without the spaces around it (the rules count what is kept, so a length
   * checked is a length stored), and refused when it holds what no database column should keep — a
   * NUL or another control character, or half of a UTF-16 pair.
   */
  private static String text(String s, String path, Violations v) {
    if (!org.qunbei.shared.Text.storable(s)) {
      var label =
          new DefaultMessageSourceResolvable(
              new String[] {"field." + path.replaceAll("\\[\\d+]", "")}, path);
      v.add(path, "json.unstorableText", label);
      return null;
    }
    return s.strip();
  }

  private Object record(JsonNode node, Class<?> type, String path, Violations v) {
    RecordComponent[] components = type.getRecordComponents();
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      String at = path.isEmpty() ? c.getName() : path + "." + c.getName();
      args[i] = value(node.get(c.getName()), c.getGenericType(), at, v);
      types[i] = c.getType();
    }
    try {
      Constructor<?> canonical = type.getDeclaredConstructor(types);
      return canonical.newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
    }
  }

  private static Object wrong(Violations v, String path, Class<?> type, JsonNode node) {
    var label =
        new DefaultMessageSourceResolvable(
            new String[] {"field." + path.replaceAll("\\[\\d+]", "")}, path);
    if (type.isEnum()) {
      String allowed =
          Arrays.stream(type.getEnumConstants())
              .map(Object::toString)
              .collect(Collectors.joining(", "));
      v.add(
          path,
          "json.invalidEnum",
          label,
          node.isValueNode() ? node.asString() : node.toString(),
          allowed);
    } else if (Number.class.isAssignableFrom(type)) {
      v.add(path, "json.invalidNumber", label);
    } else if (Temporal.class.isAssignableFrom(type)) {
      v.add(path, "json.invalidDate", label);
    } else if (type == Boolean.class) {
      v.add(path, "json.invalidBoolean", label);
    } else {
      v.add(path, "json.invalidType", label);
    }
    return null;
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    throw new IllegalArgumentException("unsupported type " + type);
  }
}
