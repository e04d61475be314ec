package io.huiju.hub.web;

import io.huiju.hub.pipeline.MappingCatalog;
import io.huiju.transform.map.Mapping;
import io.huiju.transform.template.WorkbookTemplate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.NoSuchElementException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The fill-in workbook of a mapping ({@code GET /api/templates/national-penalty.xlsx}), generated from the mapping as
 * it is now, so a department fills exactly the columns the hub reads.
 */
@RestController
class TemplateController {

    private final MappingCatalog mappings;
    private final WorkbookTemplate template = new WorkbookTemplate();

    TemplateController(MappingCatalog mappings) {
        this.mappings = mappings;
    }

    // the console offers the same workbooks behind its own login (console/ConsoleSecurity)
    @GetMapping({"/api/templates/{mapping}.xlsx", "/console/api/templates/{mapping}.xlsx"})
    ResponseEntity<byte[]> template(@PathVariable String mapping) throws IOException {
        Mapping found;
        try {
            found = mappings.get(mapping);
        } catch (NoSuchElementException e) {
            return ResponseEntity.notFound().build();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        template.write(found, out);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(WorkbookTemplate.CONTENT_TYPE))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(WorkbookTemplate.fileName(found), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(out.toByteArray());
    }
}
