package io.huiju.adapter.soap;

import org.apache.cxf.frontend.WSDLGetUtils;
import org.apache.cxf.helpers.DOMUtils;
import org.w3c.dom.Element;

/**
 * The WSDL as served at {@code ?wsdl}, with every port's address absolute. CXF rewrites the address of the port that
 * answers to the URL the client used, but gives the contract's other port (SOAP 1.1 and 1.2 are two endpoints) its
 * address relative to the CXF servlet ({@code /credit12}), which no client can call. Both endpoints live directly
 * under that servlet, so the other port's address is the requested URL's parent plus its own.
 */
public final class ServedWsdl extends WSDLGetUtils {

    @Override
    protected void rewriteAddressProtocolHostPort(String base, Element port, String httpBasePath, String soapNs) {
        String servlet = base.substring(0, base.lastIndexOf('/'));
        for (Element address : DOMUtils.findAllElementsByTagNameNS(port, soapNs, "address")) {
            String location = address.getAttribute("location").trim();
            if (location.startsWith("/")) {
                address.setAttribute("location", servlet + location);
            }
        }
        super.rewriteAddressProtocolHostPort(base, port, httpBasePath, soapNs);
    }
}
