package io.huiju.hub.console.upload;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The console's upload limit, for the upload page's check before it sends a file. */
@RestController
class UploadLimitApi {

    private final UploadProperties limits;

    UploadLimitApi(UploadProperties limits) {
        this.limits = limits;
    }

    @GetMapping("/console/api/uploads/limit")
    Map<String, Object> limit() {
        return Map.of("maxBytes", limits.getMaxSize().toBytes());
    }
}
