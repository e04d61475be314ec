package io.huiju.hub.console.conflict;

/** Which side of a conflict the operator keeps; the names are what conflict.resolution holds. */
enum Side {
    /** The owner's version stays; the incoming content is dropped. */
    KEEP_CURRENT,
    /** The incoming content becomes the record's next version, and its department the record's owner. */
    KEEP_INCOMING
}
