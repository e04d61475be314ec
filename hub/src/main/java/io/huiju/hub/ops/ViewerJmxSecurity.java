package io.huiju.hub.ops;

import io.hawt.jmx.JMXSecurityMBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.TabularData;
import javax.management.openmbean.TabularDataSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells Hawtio's console what the logged-in user may invoke, so a viewer sees Stop, Start, Suspend and the like greyed
 * out instead of failing. Hawtio asks the MBean {@code hawtio:type=security,area=jmx,*}; its own answers "yes" to
 * everything, so this one takes its place once the web server (which registers Hawtio's) has started. The server-side
 * check is {@link ViewerRestrictor}; this only keeps the console honest about it.
 */
@Component
class ViewerJmxSecurity implements JMXSecurityMBean {

    private static final Logger LOG = LoggerFactory.getLogger(ViewerJmxSecurity.class);
    static final String NAME = "hawtio:type=security,area=jmx,name=HawtioDummyJMXSecurity";

    @EventListener(ApplicationReadyEvent.class)
    void register() throws JMException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName(NAME);
        if (server.isRegistered(name)) {
            server.unregisterMBean(name);
        }
        server.registerMBean(new StandardMBean(this, JMXSecurityMBean.class), name);
        LOG.info("Hawtio console rights: viewers may only read ({})", name);
    }

    @Override
    public boolean canInvoke(String objectName) {
        return true; // every MBean can at least be read
    }

    @Override
    public boolean canInvoke(String objectName, String methodName) {
        return ViewerRestrictor.mayInvoke(ViewerRestrictor.currentSubject(), methodName);
    }

    @Override
    public boolean canInvoke(String objectName, String methodName, String[] argumentTypes) {
        return canInvoke(objectName, methodName);
    }

    @Override
    public TabularData canInvoke(Map<String, List<String>> bulkQuery) throws OpenDataException {
        TabularData answer = new TabularDataSupport(CAN_INVOKE_TABULAR_TYPE);
        for (Map.Entry<String, List<String>> mbean : bulkQuery.entrySet()) {
            if (mbean.getValue().isEmpty()) {
                answer.put(row(mbean.getKey(), "", true));
            }
            for (String method : mbean.getValue()) {
                answer.put(row(mbean.getKey(), method, canInvoke(mbean.getKey(), method)));
            }
        }
        return answer;
    }

    private static CompositeDataSupport row(String objectName, String method, boolean allowed)
            throws OpenDataException {
        return new CompositeDataSupport(
                CAN_INVOKE_RESULT_ROW_TYPE, CAN_INVOKE_RESULT_COLUMNS, new Object[] {objectName, method, allowed});
    }
}
