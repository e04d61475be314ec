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
    SYNC,
    /** Returned by the province (回流): stored in a city hub, never reported up again. */
    PROVINCE
}
