package dev.lookout.config;

/** A system Lookout watches; its name is unique within one config and becomes a label. */
public sealed interface Target permits RestateTarget, NatsTarget, JmxTarget {
  String name();
}
