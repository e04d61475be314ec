package io.huiju.hub.soap;

import io.huiju.adapter.soap.BodySizeLimit;
import io.huiju.adapter.soap.DepartmentTokenValidator;
import io.huiju.adapter.soap.ServedWsdl;
import io.huiju.adapter.soap.SoapFaults;
import io.huiju.adapter.soap.api.CreditPort;
import io.huiju.hub.security.DepartmentPasswords;
import java.util.HashMap;
import java.util.Map;
import javax.xml.namespace.QName;
import org.apache.camel.component.cxf.common.DataFormat;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.apache.cxf.Bus;
import org.apache.cxf.frontend.WSDLGetUtils;
import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;
import org.apache.wss4j.common.ConfigurationConstants;
import org.apache.wss4j.common.WSS4JConstants;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The SOAP endpoints the {@code soap} routes consume ({@code cxf:bean:creditService}, SOAP 1.1 at
 * {@code /services/credit}; {@code cxf:bean:creditService12}, SOAP 1.2 at {@code /services/credit12}): the hub's own
 * WSDL, schema validation on, a UsernameToken on every request checked against the department
 * registry, and the hostile-XML limits of {@link SoapProperties}. CXF's servlet ({@code cxf.path}, default
 * {@code /services}) comes from CXF's Spring Boot starter.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SoapProperties.class)
class SoapConfiguration {

    static final String NAMESPACE = SoapFaults.NAMESPACE;

    /** SOAP 1.1, the contract's port {@code CreditPort}. */
    @Bean
    CxfEndpoint creditService(Bus bus, SoapProperties soap, DepartmentPasswords passwords) {
        return endpoint("/credit", "CreditPort", bus, soap, passwords);
    }

    /**
     * SOAP 1.2, the contract's port {@code CreditPort12}: the same operations behind the same route. A separate address
     * because CXF's SOAP 1.1 endpoint refuses SOAP 1.2 envelopes (answered with {@code SOAP_VERSION}), while its SOAP
     * 1.2 endpoint takes both and answers each in its own version; clients generated from the WSDL pick their port.
     */
    @Bean
    CxfEndpoint creditService12(Bus bus, SoapProperties soap, DepartmentPasswords passwords) {
        return endpoint("/credit12", "CreditPort12", bus, soap, passwords);
    }

    private static CxfEndpoint endpoint(
            String address, String port, Bus bus, SoapProperties soap, DepartmentPasswords passwords) {
        CxfEndpoint endpoint = new CxfEndpoint();
        endpoint.setBus(bus);
        endpoint.setAddress(address);
        endpoint.setServiceClass(CreditPort.class);
        endpoint.setWsdlURL("classpath:wsdl/credit.wsdl");
        endpoint.setServiceNameAsQName(new QName(NAMESPACE, "CreditService"));
        endpoint.setPortNameAsQName(new QName(NAMESPACE, port));
        endpoint.setDataFormat(DataFormat.POJO);
        endpoint.setSchemaValidationEnabled(true);

        Map<String, Object> properties = new HashMap<>();
        properties.put("schema-validation-enabled", "true");
        // Woodstox refuses these while parsing; a DOCTYPE (XXE, entity expansion) is refused by CXF in any case
        properties.put("org.apache.cxf.stax.maxElementDepth", soap.getMaxElementDepth());
        properties.put("org.apache.cxf.stax.maxChildElements", soap.getMaxChildElements());
        properties.put("org.apache.cxf.stax.maxTextLength", soap.getMaxTextLength());
        properties.put("org.apache.cxf.stax.maxAttributeCount", soap.getMaxAttributeCount());
        properties.put(
                "org.apache.cxf.stax.maxXMLCharacters", soap.getMaxBodySize().toBytes());
        // the WSDL served at either address names both ports with the address the client used (host, port, /services)
        properties.put(WSDLGetUtils.AUTO_REWRITE_ADDRESS_ALL, "true");
        properties.put(WSDLGetUtils.class.getName(), new ServedWsdl());
        // the reason of a security fault stays generic: it must not tell which departments exist
        properties.put("ws-security.return.security.error", "false");
        endpoint.setProperties(properties);

        endpoint.getInInterceptors().add(new BodySizeLimit(soap.getMaxBodySize().toBytes()));
        endpoint.getInInterceptors().add(usernameToken(passwords));
        endpoint.getOutFaultInterceptors().add(new SoapFaults());
        return endpoint;
    }

    private static WSS4JInInterceptor usernameToken(DepartmentPasswords passwords) {
        Map<String, Object> wss = new HashMap<>();
        wss.put(ConfigurationConstants.ACTION, ConfigurationConstants.USERNAME_TOKEN);
        wss.put(ConfigurationConstants.PASSWORD_TYPE, WSS4JConstants.PW_TEXT);
        wss.put(
                WSS4JInInterceptor.VALIDATOR_MAP,
                Map.of(org.apache.wss4j.dom.WSConstants.USERNAME_TOKEN, new DepartmentTokenValidator(passwords)));
        return new WSS4JInInterceptor(wss);
    }
}
