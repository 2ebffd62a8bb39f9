package org.subledger.command.web;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded, least-recently-used aggregate cache that keeps its entries across garbage collections (Axon's
 * {@code WeakReferenceCache} loses them at every GC). Safe when one node owns each aggregate (one process, or Axon
 * Server routing commands by aggregate id); with several JDBC-only command nodes a stale entry only costs a
 * concurrency conflict, which the failed unit of work evicts and the gateway retries.
 */
public class BoundedLruCache implements Cache {

    private final Map<Object, Object> entries;

    public BoundedLruCache(int maxEntries) {
        this.entries = new LinkedHashMap<>(Math.min(maxEntries, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > maxEntries;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <K, V> V get(K key) {
        return (V) entries.get(key);
    }

    @Override
    public synchronized void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value) == null;
    }

    @Override
    public synchronized boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public synchronized void removeAll() {
        entries.clear();
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    /** Nothing here listens to cache entries; registrations are accepted and never called. */
    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return () -> true;
    }

    public synchronized int size() {
        return entries.size();
    }
}
