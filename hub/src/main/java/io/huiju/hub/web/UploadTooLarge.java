package io.huiju.hub.web;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** An upload over the limit is refused before any controller runs: this gives it a reason the department can act on. */
@RestControllerAdvice
class UploadTooLarge {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
        return SubmissionController.problem(
                HttpStatus.PAYLOAD_TOO_LARGE, "文件超过平台允许的大小（spring.servlet.multipart.max-file-size），请拆分后上传");
    }
}
