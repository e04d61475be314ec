package io.huiju.transform.map;

/** A mapping file that cannot be used, with the file and line to fix. Thrown at load time, never while mapping. */
public class MappingException extends RuntimeException {

    public MappingException(String file, int line, String message) {
        super(file + ":" + line + ": " + message);
    }

    public MappingException(String file, String message, Throwable cause) {
        super(file + ": " + message, cause);
    }
}
