package io.huiju.adapter.soap;

import io.huiju.adapter.soap.api.HubFault;
import io.huiju.adapter.soap.api.HubFault_Exception;
import java.util.List;
import java.util.Locale;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import org.apache.cxf.binding.soap.Soap11;
import org.apache.cxf.binding.soap.Soap12;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.SoapVersion;
import org.apache.cxf.helpers.DOMUtils;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXParseException;

/**
 * Every fault the SOAP channel answers carries a stable code, as the fault code ({@code huiju:<CODE>} in
 * {@value #NAMESPACE}) and in the {@code hubFault} detail, and a reason a department can act on. This interceptor, on
 * the fault-out chain, gives that form to whatever went wrong: CXF's own faults (security, XML, schema) are recognised
 * from their cause; anything unrecognised is {@link #HUB_ERROR}, without the hub's internals. Over SOAP 1.2 the code is
 * the {@code Subcode} of {@code Sender} (or {@code Receiver} for {@link #HUB_ERROR}), as that version requires.
 */
public final class SoapFaults extends AbstractPhaseInterceptor<SoapMessage> {

    public static final String NAMESPACE = "urn:huiju:credit:1";

    public static final String BAD_CREDENTIALS = "BAD_CREDENTIALS";
    public static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";
    public static final String XML_DOCTYPE = "XML_DOCTYPE";
    public static final String XML_LIMIT = "XML_LIMIT";
    public static final String INVALID_XML = "INVALID_XML";
    public static final String SCHEMA_VIOLATION = "SCHEMA_VIOLATION";
    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String NOT_CONFIGURED = "NOT_CONFIGURED";
    public static final String SOAP_VERSION = "SOAP_VERSION";
    public static final String HUB_ERROR = "HUB_ERROR";

    private static final Logger LOG = LoggerFactory.getLogger(SoapFaults.class);
    private static final String WSSE =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";

    public SoapFaults() {
        super(Phase.PRE_LOGICAL);
    }

    /** A fault to throw from an interceptor or a route. */
    public static SoapFault fault(String code, String reason) {
        SoapFault fault = new SoapFault(reason, new QName(NAMESPACE, code));
        fault.setDetail(detail(code, reason));
        return fault;
    }

    /** The declared fault of the contract, for the operations to throw. */
    public static HubFault_Exception declared(String code, String reason) {
        HubFault info = new HubFault();
        info.setCode(code);
        info.setReason(reason);
        return new HubFault_Exception(reason, info);
    }

    @Override
    public void handleMessage(SoapMessage message) {
        if (!(message.getContent(Exception.class) instanceof Fault caught)) {
            return;
        }
        SoapVersion version = message.getVersion();
        // only a SoapFault carries the Subcode SOAP 1.2 needs; CXF would make one from a plain Fault just the same
        Fault fault = version instanceof Soap12 ? SoapFault.createFault(caught, version) : caught;
        message.setContent(Exception.class, fault);
        if (NAMESPACE.equals(fault.getFaultCode().getNamespaceURI()) && fault.getDetail() != null) {
            code(fault, fault.getFaultCode().getLocalPart(), version);
            return;
        }
        HubFault_Exception declared = find(fault, HubFault_Exception.class);
        if (declared != null) {
            // CXF writes the declared fault's detail itself
            code(fault, declared.getFaultInfo().getCode(), version);
            fault.setMessage(declared.getFaultInfo().getReason());
            return;
        }
        String[] classified = classify(fault);
        LOG.info("SOAP request refused with {}: {}", classified[0], describe(fault));
        code(fault, classified[0], version);
        fault.setMessage(classified[1]);
        fault.setDetail(detail(classified[0], classified[1]));
    }

    /**
     * SOAP 1.1 has one fault code, so it is the hub's ({@code huiju:CODE}). SOAP 1.2 allows only its own codes at the
     * top: {@code Sender} (the request must change) or {@code Receiver} (the hub's fault), with the hub's code as the
     * {@code Subcode}, which is where SOAP 1.2 clients look for an application's code.
     */
    private static void code(Fault fault, String code, SoapVersion version) {
        QName hubCode = new QName(NAMESPACE, code);
        if (!(version instanceof Soap12 && fault instanceof SoapFault soapFault)) {
            fault.setFaultCode(hubCode);
            return;
        }
        soapFault.setFaultCode(HUB_ERROR.equals(code) ? version.getReceiver() : version.getSender());
        soapFault.setSubCodes(List.of(hubCode));
    }

    static String[] classify(Fault fault) {
        BodySizeLimit.TooLarge tooLarge = find(fault, BodySizeLimit.TooLarge.class);
        if (tooLarge != null) {
            return new String[] {PAYLOAD_TOO_LARGE, tooLarge.getMessage()};
        }
        QName faultCode = fault.getFaultCode();
        if ("VersionMismatch".equals(faultCode.getLocalPart())
                && (Soap11.getInstance().getNamespace().equals(faultCode.getNamespaceURI())
                        || Soap12.getInstance().getNamespace().equals(faultCode.getNamespaceURI()))) {
            return new String[] {SOAP_VERSION, "SOAP 1.1 地址 /services/credit 不接受 SOAP 1.2 请求，请发送至 /services/credit12"};
        }
        if (find(fault, WSSecurityException.class) != null
                || WSSE.equals(fault.getFaultCode().getNamespaceURI())) {
            return new String[] {BAD_CREDENTIALS, "身份验证失败：请在 WS-Security UsernameToken 中提供部门代码与密码（PasswordText）"};
        }
        // a department without a soap-submit route instance (no compile dependency on Camel's direct component here)
        if (messages(fault).contains("DirectConsumerNotAvailableException")) {
            return new String[] {NOT_CONFIGURED, "本部门尚未开通 SOAP 报送（缺少 soap-submit 路由），请联系平台管理员"};
        }
        String text = messages(fault).toLowerCase(Locale.ROOT);
        boolean xml = find(fault, XMLStreamException.class) != null
                || find(fault, org.xml.sax.SAXException.class) != null
                || text.contains("unmarshalling")
                || text.contains("dtd");
        if (!xml) {
            return new String[] {HUB_ERROR, "平台处理出错，请稍后重试或联系平台管理员"};
        }
        if (text.contains("dtd") || text.contains("doctype") || text.contains("entity")) {
            return new String[] {XML_DOCTYPE, "请求中含有 DOCTYPE 或实体声明，平台不接受"};
        }
        if (text.contains("limit") || text.contains("maximum")) {
            return new String[] {XML_LIMIT, "请求的 XML 超出平台限制（嵌套层数、子元素数或文本长度）"};
        }
        if (text.contains("cvc-")) {
            return new String[] {SCHEMA_VIOLATION, "请求不符合接口的 XML Schema：" + firstCvc(messages(fault))};
        }
        // A typed value JAXB cannot convert (a date such as 2024-13-45) fails before the validator has spoken; the XML
        // is well-formed, so it is the schema's type that was violated.
        IllegalArgumentException value = find(fault, IllegalArgumentException.class);
        if (value != null && find(fault, XMLStreamException.class) == null) {
            return new String[] {
                SCHEMA_VIOLATION, "请求不符合接口的 XML Schema：" + where(fault) + "的值不符合其类型：" + value.getMessage()
            };
        }
        return new String[] {INVALID_XML, "请求不是格式正确的 XML：" + firstLine(fault.getMessage())};
    }

    static Element detail(String code, String reason) {
        Document doc = DOMUtils.createDocument();
        Element detail = doc.createElement("detail");
        Element hubFault = doc.createElementNS(NAMESPACE, "huiju:hubFault");
        Element c = doc.createElementNS(NAMESPACE, "huiju:code");
        c.setTextContent(code);
        Element r = doc.createElementNS(NAMESPACE, "huiju:reason");
        r.setTextContent(reason);
        hubFault.appendChild(c);
        hubFault.appendChild(r);
        detail.appendChild(hubFault);
        return detail;
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    private static String messages(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            all.append(c.getClass().getSimpleName())
                    .append(": ")
                    .append(c.getMessage())
                    .append('\n');
        }
        return all.toString();
    }

    private static String describe(Throwable t) {
        return messages(t).replace('\n', ' ');
    }

    private static String where(Fault fault) {
        SAXParseException at = find(fault, SAXParseException.class);
        return at == null || at.getLineNumber() < 0
                ? "元素"
                : "第 " + at.getLineNumber() + " 行第 " + at.getColumnNumber() + " 列的元素";
    }

    private static String firstCvc(String text) {
        int at = text.indexOf("cvc-");
        int end = text.indexOf('\n', at);
        return text.substring(at, end < 0 ? text.length() : end);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
