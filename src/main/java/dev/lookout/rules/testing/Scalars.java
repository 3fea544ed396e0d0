package dev.lookout.rules.testing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.lookout.config.Durations;
import dev.lookout.model.Liveness;
import dev.lookout.model.Probe;
import dev.lookout.model.nats.NatsServer;
import dev.lookout.model.StorageState;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * How the scalar types of a test file are read. Each rejects a bad value while the parser still
 * knows where it is, so the error carries the file's line and column.
 */
final class Scalars {
  private Scalars() {}

  static SimpleModule module() {
    SimpleModule m = new SimpleModule("rule-tests");
    m.addDeserializer(Duration.class, new DurationText());
    m.addDeserializer(NullableNumber.class, new Nullable());
    m.addDeserializer(Liveness.class, new Named<>(Liveness.class, Liveness.values(),
        Liveness::wireName));
    m.addDeserializer(StorageState.class, new Named<>(StorageState.class, StorageState.values(),
        StorageState::wireName));
    m.addDeserializer(Probe.class, new Named<>(Probe.class, Probe.values(), Probe::toString));
    natsEnums(m);
    return m;
  }

  /** NATS states as rules compare them: reachability and /jsz state in lower case. */
  private static void natsEnums(SimpleModule m) {
    m.addDeserializer(NatsServer.Reachability.class, new Named<>(NatsServer.Reachability.class,
        NatsServer.Reachability.values(), v -> v.name().toLowerCase(Locale.ROOT)));
    m.addDeserializer(NatsServer.JszState.class, new Named<>(NatsServer.JszState.class,
        NatsServer.JszState.values(), v -> v.name().toLowerCase(Locale.ROOT)));
    m.addDeserializer(NatsServer.StanState.class, new Named<>(NatsServer.StanState.class,
        NatsServer.StanState.values(), Enum::name));
    m.addDeserializer(NatsServer.StanRole.class, new Named<>(NatsServer.StanRole.class,
        NatsServer.StanRole.values(), Enum::name));
  }

  /** A value of the right type that is not allowed; its message is written for the user. */
  static final class BadValue extends JsonMappingException {
    BadValue(JsonParser p, String message) {
      super(p, message);
    }
  }

  /** A Prometheus-style duration such as {@code 10s} or {@code 1h30m}. */
  static final class DurationText extends StdDeserializer<Duration> {
    DurationText() {
      super(Duration.class);
    }

    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = p.getValueAsString();
      if (text == null || !p.currentToken().isScalarValue()) {
        return (Duration) ctxt.handleUnexpectedToken(Duration.class, p);
      }
      return Durations.parse(text).orElseThrow(() -> new BadValue(p,
          "\"" + text + "\" is not a duration (write one such as 10s, 5m or 1h30m)"));
    }
  }

  /** A number, or an explicit null that stays distinct from a missing field. */
  static final class Nullable extends StdDeserializer<NullableNumber> {
    Nullable() {
      super(NullableNumber.class);
    }

    @Override
    public NullableNumber deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      return new NullableNumber(ctxt.readValue(p, Long.class));
    }

    @Override
    public NullableNumber getNullValue(DeserializationContext ctxt) {
      return NullableNumber.NULL;
    }

    @Override
    public Object getAbsentValue(DeserializationContext ctxt) {
      return null;
    }
  }

  /** A model enum written as Restate prints it; unlike the model's own lookup, typos fail. */
  static final class Named<E extends Enum<E>> extends StdDeserializer<E> {
    private final Map<String, E> byName = new LinkedHashMap<>();

    Named(Class<E> type, E[] values, Function<E, String> name) {
      super(type);
      Arrays.stream(values).forEach(v -> byName.put(name.apply(v), v));
    }

    @Override
    public E deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = p.getValueAsString();
      E value = text == null ? null : byName.get(text);
      if (value == null) {
        throw new BadValue(p, "\"" + p.getText() + "\" is not one of: "
            + String.join(", ", byName.keySet()));
      }
      return value;
    }
  }
}
