package io.huiju.model;

/**
 * Who a record is, across versions: the record id is derived from the natural key, so the same decision reported again
 * gets the same id; the version counts accepted changes (0 until the store assigns one); the content hash tells a real
 * change from a re-submission.
 */
public record Identity(String recordId, String naturalKey, int version, String contentHash) {

    public Identity withVersion(int newVersion) {
        return new Identity(recordId, naturalKey, newVersion, contentHash);
    }
}
