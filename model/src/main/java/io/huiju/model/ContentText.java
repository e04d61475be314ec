package io.huiju.model;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A record's content as one string, for hashing: every component in declaration order, nested records included, so a
 * field added to the model is hashed without anyone remembering to add it here. Records' own {@code toString()} would
 * do the same but formats through {@code String.format}, which is most of the cost of ingesting a row.
 */
final class ContentText {

    private static final ConcurrentHashMap<Class<?>, MethodHandle[]> ACCESSORS = new ConcurrentHashMap<>();

    private ContentText() {}

    static String of(Object... parts) {
        StringBuilder out = new StringBuilder(1024);
        for (Object part : parts) {
            append(out, part);
            out.append('\u001E');
        }
        return out.toString();
    }

    private static StringBuilder append(StringBuilder out, Object value) {
        if (value instanceof Record record) {
            out.append(record.getClass().getSimpleName()).append('[');
            for (MethodHandle accessor : accessors(record.getClass())) {
                try {
                    append(out, accessor.invoke(record));
                } catch (Throwable e) {
                    throw new IllegalStateException("cannot read a component of " + record.getClass(), e);
                }
                out.append('\u001F');
            }
            out.append(']');
        } else if (value instanceof Collection<?> items) {
            out.append('[');
            items.forEach(item -> append(out, item).append('\u001F'));
            out.append(']');
        } else {
            out.append(value);
        }
        return out;
    }

    private static MethodHandle[] accessors(Class<?> type) {
        return ACCESSORS.computeIfAbsent(type, t -> {
            RecordComponent[] components = t.getRecordComponents();
            MethodHandle[] handles = new MethodHandle[components.length];
            for (int i = 0; i < components.length; i++) {
                try {
                    handles[i] = MethodHandles.publicLookup().unreflect(components[i].getAccessor());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
            return handles;
        });
    }
}
