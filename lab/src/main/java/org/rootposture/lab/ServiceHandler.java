package org.rootposture.lab;

import java.util.Map;

/** Serves the operations of one AWS service, named as in the SigV4 credential scope. */
interface ServiceHandler {

    String service();

    Protocol protocol();

    Map<String, Operation> operations();
}
