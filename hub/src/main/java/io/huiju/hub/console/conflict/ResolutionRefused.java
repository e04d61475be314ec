package io.huiju.hub.console.conflict;

import org.springframework.http.HttpStatus;

/** A resolution that was not carried out, with the HTTP status and the reason in Chinese and in English. */
class ResolutionRefused extends RuntimeException {

    private final HttpStatus status;
    private final String english;

    ResolutionRefused(HttpStatus status, String chinese, String english) {
        super(chinese);
        this.status = status;
        this.english = english;
    }

    HttpStatus status() {
        return status;
    }

    String english() {
        return english;
    }
}
