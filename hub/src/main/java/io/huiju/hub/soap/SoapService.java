package io.huiju.hub.soap;

import io.huiju.adapter.soap.SoapFaults;
import io.huiju.adapter.soap.SubmittedRecords;
import io.huiju.adapter.soap.TypedRecords;
import io.huiju.adapter.soap.api.GetReceipt;
import io.huiju.adapter.soap.api.GetReceiptResponse;
import io.huiju.adapter.soap.api.HubFault_Exception;
import io.huiju.adapter.soap.api.ListFeedback;
import io.huiju.adapter.soap.api.ListFeedbackResponse;
import io.huiju.adapter.soap.api.Submit;
import io.huiju.adapter.soap.api.SubmitResponse;
import io.huiju.hub.config.HubProperties;
import io.huiju.hub.pipeline.Headers;
import io.huiju.hub.pipeline.MappingCatalog;
import io.huiju.hub.pipeline.PayloadArchiver;
import io.huiju.hub.store.Receipt;
import io.huiju.model.Channel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.cxf.common.message.CxfConstants;
import org.apache.cxf.message.Message;
import org.apache.cxf.security.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The three operations of the SOAP contract, called by name from {@code routes/soap.camel.yaml}. The department is the
 * one whose UsernameToken was accepted, never anything the request says.
 *
 * <p>{@code submit} writes the records (typed ones as the generic records they stand for) as one records document, hands it to the pipeline (which archives it first)
 * and answers with the payload id at once. A small batch (at most {@code huiju.soap.sync-max-records}) is waited for,
 * up to {@code huiju.soap.sync-timeout}, so the answer also holds its receipt: a department system sending a few
 * decisions as they are made gets its outcome in one call, while a large batch never holds a connection open for
 * longer than clients and proxies wait.
 */
@Component("soapService")
public class SoapService {

    /** Header the submit route sets from the batch's category: the template instance chooses the mapping by it. */
    public static final String CATEGORY = "HuijuCategory";

    private static final Logger LOG = LoggerFactory.getLogger(SoapService.class);

    private final ProducerTemplate camel;
    private final MappingCatalog mappings;
    private final SoapReceipts receipts;
    private final SoapProperties soap;
    private final Path work;

    SoapService(
            ProducerTemplate camel,
            MappingCatalog mappings,
            SoapReceipts receipts,
            SoapProperties soap,
            HubProperties properties) {
        this.camel = camel;
        this.mappings = mappings;
        this.receipts = receipts;
        this.soap = soap;
        this.work = properties.getHome().resolve("data").resolve("soap");
    }

    /** First step of every request: the department from the WS-Security principal, and a submit's category. */
    public void caller(Exchange exchange) {
        Message cxf = exchange.getIn().getHeader(CxfConstants.CAMEL_CXF_MESSAGE, Message.class);
        SecurityContext security = cxf == null ? null : cxf.get(SecurityContext.class);
        if (security == null || security.getUserPrincipal() == null) {
            throw SoapFaults.fault(
                    SoapFaults.BAD_CREDENTIALS, "身份验证失败：请在 WS-Security UsernameToken 中提供部门代码与密码（PasswordText）");
        }
        exchange.getIn()
                .setHeader(Headers.DEPARTMENT, security.getUserPrincipal().getName());
        Submit submit = exchange.getIn().getBody(Submit.class);
        if (submit != null && submit.getCategory() != null) {
            exchange.getIn().setHeader(CATEGORY, submit.getCategory().name());
        }
    }

    public SubmitResponse submit(Exchange exchange)
            throws HubFault_Exception, IOException, org.apache.camel.InvalidPayloadException {
        String department = exchange.getIn().getHeader(Headers.DEPARTMENT, String.class);
        String mapping = exchange.getIn().getHeader(Headers.MAPPING, String.class);
        // typed records become the generic records they stand for: one pipeline, one set of rules, one receipt
        Submit batch = TypedRecords.asGeneric(exchange.getIn().getMandatoryBody(Submit.class));
        String category = batch.getCategory().name();
        if (mapping == null || mapping.isBlank() || "none".equals(mapping)) {
            throw SoapFaults.declared(SoapFaults.NOT_CONFIGURED, "本部门的 SOAP 报送未开通类别 " + category + "，请联系平台管理员");
        }
        try {
            mappings.get(mapping);
        } catch (NoSuchElementException e) {
            LOG.error("SOAP feed of {} names mapping {} for {}, which does not exist", department, mapping, category);
            throw SoapFaults.declared(SoapFaults.NOT_CONFIGURED, "本部门类别 " + category + " 的映射配置有误，请联系平台管理员");
        }

        Files.createDirectories(work);
        Path document = Files.createTempFile(work, "submit-", SubmittedRecords.EXTENSION);
        try (OutputStream out = Files.newOutputStream(document)) {
            SubmittedRecords.write(batch, out);
        }
        String reference = batch.getReference() == null || batch.getReference().isBlank()
                ? "soap-" + category.toLowerCase(java.util.Locale.ROOT)
                : batch.getReference().strip();
        String payloadId = PayloadArchiver.newPayloadId(Instant.now());
        CompletableFuture<Exchange> done = camel.asyncSend("direct:soap-ingest", e -> {
            e.setProperty(Headers.ASSIGNED_PAYLOAD_ID, payloadId);
            e.getIn().setHeader(Headers.DEPARTMENT, department);
            e.getIn().setHeader(Headers.CHANNEL, Channel.SOAP.name());
            e.getIn().setHeader(Headers.MAPPING, mapping);
            e.getIn().setHeader(Exchange.FILE_NAME, reference + SubmittedRecords.EXTENSION);
            e.getIn().setBody(document.toFile());
        });
        done.whenComplete((e, failure) -> {
            try {
                Files.deleteIfExists(document);
            } catch (IOException again) {
                LOG.warn("SOAP batch {} could not be removed after processing", document, again);
            }
        });
        LOG.info(
                "SOAP batch of {} {} record(s) from {} accepted as payload {}",
                batch.getRecord().size(),
                category,
                department,
                payloadId);

        if (batch.getRecord().size() <= soap.getSyncMaxRecords()) {
            try {
                done.get(soap.getSyncTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // still running: the caller asks for the receipt later
            } catch (ExecutionException e) {
                LOG.warn("SOAP payload {} of {} ended in error", payloadId, department, e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        SubmitResponse answer = new SubmitResponse();
        answer.setPayloadId(payloadId);
        receipts.own(department, payloadId)
                .filter(r -> !"RECEIVED".equals(r.status()))
                .ifPresent(r -> answer.setReceipt(receipts.of(r, true)));
        return answer;
    }

    public GetReceiptResponse getReceipt(Exchange exchange) throws HubFault_Exception {
        String department = exchange.getIn().getHeader(Headers.DEPARTMENT, String.class);
        GetReceipt request = exchange.getIn().getBody(GetReceipt.class);
        Receipt receipt = receipts.own(department, request.getPayloadId())
                .orElseThrow(() ->
                        SoapFaults.declared(SoapFaults.NOT_FOUND, "数据包 " + request.getPayloadId() + " 不存在或不属于本部门"));
        GetReceiptResponse answer = new GetReceiptResponse();
        answer.setReceipt(receipts.of(receipt, true));
        return answer;
    }

    public ListFeedbackResponse listFeedback(Exchange exchange) {
        String department = exchange.getIn().getHeader(Headers.DEPARTMENT, String.class);
        ListFeedback request = exchange.getIn().getBody(ListFeedback.class);
        Instant since = request.getSince().toGregorianCalendar().toInstant();
        ListFeedbackResponse answer = new ListFeedbackResponse();
        answer.getReceipt().addAll(receipts.since(department, since));
        return answer;
    }
}
