package io.huiju.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.huiju.adapter.soap.api.CreditPort;
import io.huiju.adapter.soap.api.GetReceipt;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import javax.security.auth.callback.CallbackHandler;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.ws.security.wss4j.WSS4JOutInterceptor;
import org.apache.wss4j.common.ConfigurationConstants;
import org.apache.wss4j.common.WSS4JConstants;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The SOAP suites' shared hub (one home, one Spring context for all of them) and the ways a department system calls
 * it: a CXF JAX-WS client built from the generated contract on SOAP 1.1 or 1.2, or a hand-written envelope posted
 * with java.net.http.
 */
abstract class SoapTest extends HubTest {

    static final String HOME = TestHome.create("soap").toString();

    static final String SOAP12_BINDING = "http://www.w3.org/2003/05/soap/bindings/HTTP/";

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("huiju.home", () -> HOME);
        registry.add("huiju.mappings", () -> TestHome.REPO.resolve("mappings").toString());
        registry.add("huiju.soap.max-body-size", () -> "256KB");
        registry.add("huiju.soap.max-child-elements", () -> "1000");
    }

    static final String ENVELOPE =
            """
            <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:h="urn:huiju:credit:1">
              <soapenv:Header>
                <wsse:Security soapenv:mustUnderstand="1"
                    xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">
                  <wsse:UsernameToken>
                    <wsse:Username>%s</wsse:Username>
                    <wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">%s</wsse:Password>
                  </wsse:UsernameToken>
                </wsse:Security>
              </soapenv:Header>
              <soapenv:Body>%s</soapenv:Body>
            </soapenv:Envelope>""";

    /** The same envelope in SOAP 1.2's namespace. */
    static final String ENVELOPE12 =
            ENVELOPE.replace("http://schemas.xmlsoap.org/soap/envelope/", "http://www.w3.org/2003/05/soap-envelope");

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    CreditPort client(String department, String password) {
        return client(department, password, WSS4JConstants.PW_TEXT);
    }

    CreditPort client(String department, String password, String passwordType) {
        return client(department, password, passwordType, false);
    }

    /** A SOAP 1.2 client, at /services/credit12. */
    CreditPort client12(String department, String password) {
        return client(department, password, WSS4JConstants.PW_TEXT, true);
    }

    private CreditPort client(String department, String password, String passwordType, boolean soap12) {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(CreditPort.class);
        factory.setAddress("http://127.0.0.1:" + port + (soap12 ? "/services/credit12" : "/services/credit"));
        if (soap12) {
            factory.setBindingId(SOAP12_BINDING);
        }
        Map<String, Object> wss = new HashMap<>();
        wss.put(ConfigurationConstants.ACTION, ConfigurationConstants.USERNAME_TOKEN);
        wss.put(ConfigurationConstants.USER, department);
        wss.put(ConfigurationConstants.PASSWORD_TYPE, passwordType);
        wss.put(ConfigurationConstants.PW_CALLBACK_REF, (CallbackHandler) callbacks -> {
            for (var c : callbacks) {
                ((WSPasswordCallback) c).setPassword(password);
            }
        });
        factory.getOutInterceptors().add(new WSS4JOutInterceptor(wss));
        return factory.create(CreditPort.class);
    }

    static GetReceipt getReceipt(String payloadId) {
        GetReceipt request = new GetReceipt();
        request.setPayloadId(payloadId);
        return request;
    }

    HttpRequest.Builder request() {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/services/credit"))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"\"");
    }

    HttpResponse<String> post(String envelope) throws IOException, InterruptedException {
        return send(request(), envelope);
    }

    /** SOAP 1.2 over HTTP: the action is a parameter of the media type, there is no SOAPAction header. */
    HttpResponse<String> post12(String envelope, String action) throws IOException, InterruptedException {
        return send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/services/credit12"))
                        .header("Content-Type", "application/soap+xml; charset=UTF-8; action=\"" + action + "\""),
                envelope);
    }

    HttpResponse<String> send(HttpRequest.Builder request, String envelope) throws IOException, InterruptedException {
        return http.send(
                request.POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> assertRefused(String envelope, String code) throws Exception {
        int before = payloadCount();
        HttpResponse<String> response = post(envelope);
        assertFault(response, code);
        assertThat(payloadCount()).isEqualTo(before);
        return response;
    }

    static void assertFault(HttpResponse<String> response, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
        assertThat(response.body())
                .as(response.body())
                .containsPattern("<faultcode[^>]*>[^<:]+:" + code + "</faultcode>")
                .contains(">" + code + "</");
    }

    int payloadCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM payload", Integer.class);
    }
}
