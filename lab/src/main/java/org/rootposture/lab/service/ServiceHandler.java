package org.rootposture.lab.service;

import java.util.Map;

import org.rootposture.lab.protocol.Protocol;

/** Serves the operations of one AWS service, named as in the SigV4 credential scope. */
public interface ServiceHandler {

    String service();

    Protocol protocol();

    Map<String, Operation> operations();
}
