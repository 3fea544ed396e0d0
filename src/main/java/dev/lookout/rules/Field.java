package dev.lookout.rules;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * One field of a rule variable: its CEL type and the closure that reads it from a {@link Row}.
 * {@code read} is a {@link Fn.Int}, {@link Fn.Dbl}, {@link Fn.Str}, {@link Fn.Bool},
 * {@link Fn.Lst} or {@link Fn.Labels} matching
 * {@code type}. A field reads as unknown when its entity is absent or its value is null.
 */
record Field(String name, CelType type, Object read) {

  static <E> Field integer(String name, Function<Row, E> entity, ToLongFunction<E> get) {
    return new Field(name, SimpleType.INT, (Fn.Int) r -> {
      E e = entity.apply(r);
      if (e == null) {
        r.unknown = true;
        return 0;
      }
      return get.applyAsLong(e);
    });
  }

  /** For boxed model fields, where null means not known. */
  static <E> Field nullable(String name, Function<Row, E> entity, Function<E, Number> get) {
    return new Field(name, SimpleType.INT, (Fn.Int) r -> {
      E e = entity.apply(r);
      Number n = e == null ? null : get.apply(e);
      if (n == null) {
        r.unknown = true;
        return 0;
      }
      return n.longValue();
    });
  }

  static <E> Field dbl(String name, Function<Row, E> entity, ToDoubleFunction<E> get) {
    return new Field(name, SimpleType.DOUBLE, (Fn.Dbl) r -> {
      E e = entity.apply(r);
      if (e == null) {
        r.unknown = true;
        return 0;
      }
      return get.applyAsDouble(e);
    });
  }

  static <E> Field labels(String name, Function<Row, E> entity,
      Function<E, Map<String, String>> get) {
    return new Field(name, MapType.create(SimpleType.STRING, SimpleType.STRING),
        (Fn.Labels) r -> {
          E e = entity.apply(r);
          return e == null ? null : get.apply(e);
        });
  }

  static Field computed(String name, Fn.Int read) {
    return new Field(name, SimpleType.INT, read);
  }

  static <E> Field string(String name, Function<Row, E> entity, Function<E, Object> get) {
    return new Field(name, SimpleType.STRING, (Fn.Str) r -> {
      E e = entity.apply(r);
      Object v = e == null ? null : get.apply(e);
      return v == null ? null : v.toString();
    });
  }

  static <E> Field bool(String name, Function<Row, E> entity, Predicate<E> get) {
    return new Field(name, SimpleType.BOOL, (Fn.Bool) r -> {
      E e = entity.apply(r);
      return e == null ? Fn.UNKNOWN : Fn.of(get.test(e));
    });
  }

  /** A boolean the model may not know (null): reads as unknown, so no rule fires on it. */
  static <E> Field nullableBool(String name, Function<Row, E> entity, Function<E, Boolean> get) {
    return new Field(name, SimpleType.BOOL, (Fn.Bool) r -> {
      E e = entity.apply(r);
      Boolean b = e == null ? null : get.apply(e);
      return b == null ? Fn.UNKNOWN : Fn.of(b);
    });
  }

  static <E> Field list(String name, CelType elem, Function<Row, E> entity,
      Function<E, List<?>> get) {
    return new Field(name, ListType.create(elem), (Fn.Lst) r -> {
      E e = entity.apply(r);
      return e == null ? null : get.apply(e);
    });
  }
}
