package dev.lookout.source.restate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.lookout.source.restate.arrow.ArrowTable;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** Keeps the slowly changing tables between ticks for a while, so most ticks skip reading them. */
final class TableCache {
  static final Duration TTL = Duration.ofMinutes(1);

  private final Cache<Queries, ArrowTable> cache;

  TableCache(Ticker ticker) {
    this.cache = Caffeine.newBuilder().expireAfterWrite(TTL).ticker(ticker).build();
  }

  Map<Queries, ArrowTable> fresh() {
    Map<Queries, ArrowTable> tables = new EnumMap<>(Queries.class);
    tables.putAll(cache.getAllPresent(Queries.SLOW_CHANGING));
    return tables;
  }

  /** Keeps what this tick read of the slowly changing tables. */
  void keep(ClusterReads reads) {
    for (Queries q : Queries.SLOW_CHANGING) {
      ArrowTable table = reads.table(q);
      if (table != null && cache.getIfPresent(q) != table) {
        cache.put(q, table);
      }
    }
  }
}
