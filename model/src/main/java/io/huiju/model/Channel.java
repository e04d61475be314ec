package io.huiju.model;

/** The way a payload reached the hub. */
public enum Channel {
    FILE,
    FTP,
    DROPBOX,
    SOAP,
    FRONTDB,
    KAFKA,
    WEB,
    SYNC
}
