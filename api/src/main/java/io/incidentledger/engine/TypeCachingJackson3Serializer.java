package io.incidentledger.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import tools.jackson.databind.ObjectReader;

/**
 * Axon's Jackson 3 serializer, remembering the class of each serialized type name and the reader
 * of each class.
 * <p>
 * Axon looks a payload's class up by name ({@code Class.forName}) every time a message is read,
 * two to four times per event with its metadata, and builds a new reader each time; in a replay
 * that was a sixth of the reading thread's time. Classes do not change while the engine runs, so
 * a name resolved once stays resolved; a name that resolves to no class is not remembered here
 * (Axon's own handling of unknown types applies to it every time).
 */
final class TypeCachingJackson3Serializer extends Jackson3Serializer {

    /** By class name, which is all Axon resolves a type by (a type object need not define equality). */
    private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();
    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

    TypeCachingJackson3Serializer(Builder builder) {
        super(builder);
    }

    @Override
    public Class<?> classForType(SerializedType type) {
        var name = resolveClassName(type);
        var known = classes.get(name);
        if (known != null) {
            return known;
        }
        var resolved = super.classForType(type);
        if (resolved != UnknownSerializedType.class) {
            classes.put(name, resolved);
        }
        return resolved;
    }

    @Override
    protected ObjectReader getReader(Class<?> type) {
        return readers.computeIfAbsent(type, super::getReader);
    }
}
