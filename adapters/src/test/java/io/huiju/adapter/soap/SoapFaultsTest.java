package io.huiju.adapter.soap;

import static org.assertj.core.api.Assertions.assertThat;

import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.interceptor.Fault;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.junit.jupiter.api.Test;

class SoapFaultsTest {

    private static String code(Fault fault) {
        return SoapFaults.classify(fault)[0];
    }

    @Test
    void securityFaultsAreBadCredentials() {
        assertThat(code(new Fault(new WSSecurityException(WSSecurityException.ErrorCode.FAILED_AUTHENTICATION))))
                .isEqualTo(SoapFaults.BAD_CREDENTIALS);
        SoapFault invalidSecurity = new SoapFault(
                "A security error was encountered when verifying the message",
                new QName(
                        "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd",
                        "InvalidSecurity"));
        assertThat(code(invalidSecurity)).isEqualTo(SoapFaults.BAD_CREDENTIALS);
    }

    @Test
    void xmlProblemsAreToldApart() {
        assertThat(code(new Fault(new XMLStreamException("Received event DTD, instead of START_ELEMENT"))))
                .isEqualTo(SoapFaults.XML_DOCTYPE);
        assertThat(code(new Fault(new XMLStreamException("Maximum Element Depth limit (32) Exceeded"))))
                .isEqualTo(SoapFaults.XML_LIMIT);
        assertThat(code(new Fault(new XMLStreamException("Unexpected close tag </a>; expected </b>"))))
                .isEqualTo(SoapFaults.INVALID_XML);
        Fault schema = new Fault(new org.xml.sax.SAXParseException(
                "cvc-complex-type.2.4.a: Invalid content was found starting with element 'record'", null));
        assertThat(SoapFaults.classify(schema))
                .containsExactly(
                        SoapFaults.SCHEMA_VIOLATION,
                        "请求不符合接口的 XML Schema：cvc-complex-type.2.4.a: Invalid content was found starting with element 'record'");
    }

    @Test
    void aTypedValueThatCannotBeConvertedIsASchemaViolation() {
        Fault fault = new Fault(new jakarta.xml.bind.UnmarshalException(new org.xml.sax.SAXParseException(
                "Invalid value 13 for Month field.",
                null,
                null,
                12,
                40,
                new IllegalArgumentException("Invalid value 13 for Month field."))));
        assertThat(SoapFaults.classify(fault))
                .containsExactly(
                        SoapFaults.SCHEMA_VIOLATION,
                        "请求不符合接口的 XML Schema：第 12 行第 40 列的元素的值不符合其类型：Invalid value 13 for Month field.");
        assertThat(code(new Fault(new XMLStreamException("Unexpected character", new IllegalArgumentException()))))
                .isEqualTo(SoapFaults.INVALID_XML);
    }

    @Test
    void aSoap12EnvelopeAtTheSoap11AddressIsTheVersionFault() {
        SoapFault mismatch = new SoapFault(
                "A SOAP 1.2 message is not valid when sent to a SOAP 1.1 only endpoint.",
                org.apache.cxf.binding.soap.Soap11.getInstance().getVersionMismatch());
        assertThat(code(mismatch)).isEqualTo(SoapFaults.SOAP_VERSION);
    }

    @Test
    void anOversizedBodyWinsOverTheParserErrorItCaused() {
        Fault fault = new Fault(new XMLStreamException(
                "Problems creating SAAJ object model", new BodySizeLimit.TooLarge("请求体超过平台允许的 10 字节，请分批报送")));
        assertThat(code(fault)).isEqualTo(SoapFaults.PAYLOAD_TOO_LARGE);
    }

    @Test
    void anythingElseIsTheHubsErrorWithoutItsInternals() {
        String[] classified =
                SoapFaults.classify(new Fault(new IllegalStateException("limit of pool /var/huiju reached")));
        assertThat(classified[0]).isEqualTo(SoapFaults.HUB_ERROR);
        assertThat(classified[1]).doesNotContain("/var/huiju");
    }
}
