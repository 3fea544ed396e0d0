package dev.lookout.rules;

/** A sample reduced to what node_metric() matches on; -1 where a label is absent. */
record MetricPoint(int node, int partition, double value) {}
