package io.huiju.hub.console.upload;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/** The console's upload form, under {@code huiju.console.upload.*} (docs/CONSOLE.md). */
@Validated
@ConfigurationProperties("huiju.console.upload")
public class UploadProperties {

    /**
     * The largest file the console's upload form takes. Below spring.servlet.multipart.max-file-size (which also
     * bounds the upload API): a browser upload of more is a file better sent by a drop-box or the API.
     */
    @NotNull
    private DataSize maxSize = DataSize.ofMegabytes(100);

    /** How long the same file uploaded again by the same user is taken for a double submit of the first. */
    @NotNull
    private Duration repeatWindow = Duration.ofMinutes(2);

    public DataSize getMaxSize() {
        return maxSize;
    }

    public void setMaxSize(DataSize maxSize) {
        this.maxSize = maxSize;
    }

    public Duration getRepeatWindow() {
        return repeatWindow;
    }

    public void setRepeatWindow(Duration repeatWindow) {
        this.repeatWindow = repeatWindow;
    }
}
